import { describe, expect, it } from "vitest";
import { checkObject, positiveInteger, withOptions, type Schema } from "./fields";

const schema: Schema = {
  epochs: positiveInteger,
  name: { kind: "string", oneOf: ["sgd", "adam"], required: true },
  milestones: { kind: "integers", min: 0 },
  flag: { kind: "boolean" },
  rate: { kind: "number", min: 0, below: 1 },
};

describe("checkObject", () => {
  it("accepts a valid object and absent optional fields", () => {
    expect(() =>
      checkObject({ name: "sgd", epochs: 3, milestones: [1, 2], flag: true, rate: 0.5 }, schema, "c"),
    ).not.toThrow();
    expect(() => checkObject({ name: "adam" }, schema, "c")).not.toThrow();
  });

  it("names an unknown key and the nearest valid one", () => {
    expect(() => checkObject({ name: "sgd", epoch: 3 }, schema, "config")).toThrow(
      'config got an unexpected option "epoch". Did you mean "epochs"? Valid options: epochs, name, milestones, flag, rate.',
    );
  });

  it("checks type, finiteness, integrality and range, naming the field", () => {
    const bad = (o: object) => () => checkObject({ name: "sgd", ...o }, schema, "config");
    expect(bad({ epochs: -2 })).toThrow("config.epochs = -2 must be ≥ 1");
    expect(bad({ epochs: NaN })).toThrow("config.epochs = NaN must be a finite number");
    expect(bad({ epochs: 1.5 })).toThrow("config.epochs = 1.5 must be an integer");
    expect(bad({ epochs: "3" })).toThrow('config.epochs = "3" must be a number');
    expect(bad({ epochs: Infinity })).toThrow("config.epochs = Infinity must be a finite number");
    expect(bad({ rate: 1 })).toThrow("config.rate = 1 must be < 1");
    expect(bad({ flag: 1 })).toThrow("config.flag = 1 must be true or false");
    expect(bad({ milestones: [1, 2.5] })).toThrow("config.milestones = [1,2.5] [1] = 2.5 must be an integer");
    expect(bad({ milestones: 3 })).toThrow("config.milestones = 3 must be a list of integers");
  });

  it("requires required fields and suggests the nearest allowed string", () => {
    expect(() => checkObject({}, schema, "config")).toThrow("config.name is required but missing");
    expect(() => checkObject({ name: "adma" }, schema, "config")).toThrow(
      'config.name = "adma" must be one of "sgd", "adam" Did you mean "adam"?',
    );
    expect(() => checkObject(undefined, schema, "config.data")).toThrow("config.data must be an object, got undefined");
  });

  it("with typosOnly lets unrelated keys through but not misspellings", () => {
    expect(() => checkObject({ name: "sgd", trainSet: {} }, schema, "fit options", true)).not.toThrow();
    expect(() => checkObject({ name: "sgd", epoch: 1 }, schema, "fit options", true)).toThrow('Did you mean "epochs"?');
  });
});

describe("withOptions", () => {
  const defaults = { lr: 1e-3, momentum: 0, nesterov: false, betas: [0.9, 0.999] };
  it("merges options over the defaults", () => {
    expect(withOptions("SGD", defaults, { momentum: 0.9 })).toEqual({ ...defaults, momentum: 0.9 });
  });
  it("rejects unknown options like torch's unexpected keyword argument, and wrong types", () => {
    expect(() => withOptions("SGD", defaults, { momentun: 0.9 })).toThrow(
      'SGD() got an unexpected option "momentun". Did you mean "momentum"?',
    );
    expect(() => withOptions("SGD", defaults, { lr: "0.1" })).toThrow('SGD(): lr = "0.1" must be a number');
    expect(() => withOptions("SGD", defaults, { nesterov: 1 })).toThrow("SGD(): nesterov = 1 must be a boolean");
    expect(() => withOptions("SGD", defaults, { betas: 0.9 })).toThrow("SGD(): betas = 0.9 must be a list");
  });
});
