import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, nearest } from "./suggest";

describe("did you mean", () => {
  it("measures the Levenshtein distance", () => {
    expect(editDistance("momentun", "momentum")).toBe(1);
    expect(editDistance("gama", "gamma")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests the nearest valid name only when it is a likely typo", () => {
    expect(nearest("momentun", ["lr", "momentum", "nesterov"])).toBe("momentum");
    expect(nearest("epoch", ["epochs", "maxSteps"])).toBe("epochs");
    expect(nearest("weight_decay", ["lr", "weightDecay"])).toBe("weightDecay");
    expect(nearest("LR", ["lr", "momentum"])).toBe("lr");
    expect(nearest("trainSet", ["model", "loss", "train"])).toBeUndefined();
    expect(didYouMean("los", ["loss", "accuracy"])).toBe(' Did you mean "loss"?');
    expect(didYouMean("zzzzzz", ["loss", "accuracy"])).toBe("");
  });
});
