import { describe, expect, it } from "vitest";
import { run } from "./run";
import { sweep } from "./sweep";
import { fit } from "./fit";
import { buildRun } from "./build";
import { validateRunConfig } from "./validate-config";
import { tinyMoonsConfig } from "./test-config";
import type { RunConfig } from "./config";

const base = tinyMoonsConfig({ name: "sgd", lr: 0.1 });
const withKey = (path: string[], value: unknown): RunConfig => {
  const c = structuredClone(base) as any;
  let o = c;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path[path.length - 1]] = value;
  return c;
};
const invalid = (c: unknown) => () => validateRunConfig(c as RunConfig);

describe("run config validation: typos", () => {
  it("accepts the configs the library and notebooks use", () => {
    expect(invalid(base)).not.toThrow();
    expect(invalid({ ...base, schedule: { name: "cosine" } })).not.toThrow();
    expect(invalid({ ...base, schedule: null, clip: {} })).not.toThrow(); // notebook 04's "constant", notebook 02's no clipping
    expect(invalid({ ...base, schedule: { name: "step", stepSize: 1, gamma: 0.5, interval: "epoch" } })).not.toThrow();
    expect(invalid({ ...base, schedule: { name: "onecycle", maxLr: 0.1 } })).not.toThrow();
    expect(invalid({ ...base, optim: { name: "adam", lr: 1e-3, betas: [0.9, 0.999] } })).not.toThrow();
    expect(invalid({ ...base, model: { sizes: [2, 8, 2], init: { normalStd: 0.1 }, dropout: 0.5 } })).not.toThrow();
    expect(invalid({ ...base, metrics: ["deadUnits", "weightNorm"], clip: { maxNorm: 1 } })).not.toThrow();
  });

  it("names an unknown optimizer option and the nearest valid one (the issue's momentun)", () => {
    expect(invalid({ ...base, optim: { name: "sgd", lr: 0.1, momentun: 0.9 } })).toThrow(
      'SGD() got an unexpected option "momentun". Did you mean "momentum"?',
    );
    expect(invalid({ ...base, optim: { name: "adam", lr: 0.1, momentum: 0.9 } })).toThrow(
      'Adam() got an unexpected option "momentum"',
    );
    expect(invalid({ ...base, optim: { name: "adma", lr: 0.1 } })).toThrow('Unknown optimizer "adma"');
    expect(invalid({ ...base, optim: { name: "adma", lr: 0.1 } })).toThrow('Did you mean "adam"?');
  });

  it("names an unknown schedule option (the issue's gama) and an unknown schedule", () => {
    expect(invalid({ ...base, schedule: { name: "step", stepSize: 5, gama: 0.5 } })).toThrow(
      'StepLR() got an unexpected option "gama". Did you mean "gamma"?',
    );
    expect(invalid({ ...base, schedule: { name: "cosin" } })).toThrow('Did you mean "cosine"?');
    expect(invalid({ ...base, schedule: { name: "step", stepSize: 5, interval: "epochs" } })).toThrow(
      'config.schedule.interval = "epochs" must be "step" or "epoch"',
    );
  });

  it("names unknown keys at the top level and in every section", () => {
    const { epochs: _e, ...noEpochs } = base;
    expect(invalid({ ...noEpochs, epoch: 3 })).toThrow(
      'config got an unexpected option "epoch". Did you mean "epochs"?',
    );
    expect(invalid(withKey(["data", "batchsize"], 10))).toThrow('Did you mean "batchSize"?');
    expect(invalid(withKey(["data", "trainsize"], 10))).toThrow('config.data got an unexpected option "trainsize"');
    expect(invalid(withKey(["model", "activaton"], "relu"))).toThrow('Did you mean "activation"?');
    expect(invalid(withKey(["clip", "maxnorm"], 1))).toThrow('config.clip got an unexpected option "maxnorm"');
    expect(invalid({ ...base, metrics: ["deadunits"] })).toThrow('Did you mean "deadUnits"?');
  });
});

describe("run config validation: bad values and missing parts", () => {
  it("checks counts for type, range and integrality, naming the field (the issue's examples)", () => {
    expect(invalid({ ...base, epochs: -2 })).toThrow("config.epochs = -2 must be ≥ 1");
    expect(invalid({ ...base, epochs: NaN })).toThrow("config.epochs = NaN must be a finite number");
    expect(invalid({ ...base, epochs: 1.5 })).toThrow("config.epochs = 1.5 must be an integer");
    expect(invalid({ ...base, maxSteps: 0 })).toThrow("config.maxSteps = 0 must be ≥ 1");
    expect(invalid({ ...base, logEvery: 0 })).toThrow("config.logEvery = 0 must be ≥ 1");
    expect(invalid({ ...base, evalEvery: -3 })).toThrow("config.evalEvery = -3 must be ≥ 1");
    expect(invalid(withKey(["data", "trainSize"], -5))).toThrow("config.data.trainSize = -5 must be ≥ 1");
    expect(invalid(withKey(["data", "batchSize"], 0))).toThrow("config.data.batchSize = 0 must be ≥ 1");
    expect(invalid(withKey(["data", "noise"], Infinity))).toThrow("config.data.noise = Infinity must be a finite");
    expect(invalid(withKey(["data", "digits"], [1, 10]))).toThrow("config.data.digits = [1,10] [1] = 10 must be ≤ 9");
    expect(invalid(withKey(["data", "trainSize"], 1e9))).toThrow(
      "config.data.trainSize = 1000000000 must be ≤ 10000000",
    );
    expect(invalid(withKey(["data", "augment"], [{ name: "translate", maxShift: Infinity }]))).toThrow(
      "augmentFromConfig: translate.maxShift = Infinity must be a finite number",
    );
    expect(invalid(withKey(["data", "augment"], [{ name: "rotate", maxDegree: 5 }]))).toThrow(
      'Did you mean "maxDegrees"?',
    );
    expect(invalid(withKey(["model", "dropout"], 1.5))).toThrow(
      "dropout probability has to be between 0 and 1, but got 1.5",
    );
    expect(invalid(withKey(["model", "dropout"], "0.5"))).toThrow('config.model.dropout = "0.5" must be a number');
    expect(invalid(withKey(["model", "sizes"], [2]))).toThrow("mlp: sizes must list at least two positive integers");
    expect(invalid(withKey(["optim", "lr"], "0.1"))).toThrow('SGD(): lr = "0.1" must be a number');
    expect(invalid(withKey(["clip", "maxNorm"], 0))).toThrow("config.clip.maxNorm = 0 must be > 0");
  });

  it("names a missing section or required option instead of crashing on undefined", () => {
    const { data: _d, ...noData } = base;
    const { model: _m, ...noModel } = base;
    const { optim: _o, ...noOptim } = base;
    expect(invalid(noData)).toThrow("config.data is required but missing");
    expect(invalid(noModel)).toThrow("config.model is required but missing");
    expect(invalid(noOptim)).toThrow("config.optim is required but missing");
    expect(invalid(withKey(["data", "batchSize"], undefined))).toThrow("config.data.batchSize is required but missing");
    expect(invalid({ ...base, schedule: { name: "exponential" } })).toThrow("ExponentialLR(): gamma is required");
    expect(invalid({ ...base, schedule: { name: "onecycle" } })).toThrow("OneCycleLR(): maxLr is required");
    expect(invalid({ ...base, schedule: { name: "multistep" } })).toThrow("MultiStepLR(): milestones is required");
  });

  it("run rejects the config before training", async () => {
    await expect(run({ ...base, epochs: 1.5 }, { live: false })).rejects.toThrow(
      "config.epochs = 1.5 must be an integer",
    );
  });
});

describe("sweep validation", () => {
  const opts = { seeds: 1, workers: 1, live: false } as const;
  it("rejects a knob path or derive key that names no real field, before any run", async () => {
    await expect(sweep(base, "optim.momentun", [0, 0.9], opts)).rejects.toThrow(
      'sweep: the config for optim.momentun = 0 (set by "optim.momentun") is invalid: SGD() got an unexpected option "momentun". Did you mean "momentum"?',
    );
    await expect(sweep(base, "epoch", [1, 2], opts)).rejects.toThrow('Did you mean "epochs"?');
    await expect(
      sweep(base, "optim.momentum", [0, 0.9], { ...opts, derive: { "optim.Lr": (m: number) => 0.1 * (1 - m) } }),
    ).rejects.toThrow('(set by "optim.momentum", "optim.Lr")');
    await expect(sweep(base, "epochs", [1, -1], opts)).rejects.toThrow("config.epochs = -1 must be ≥ 1");
  });

  it("checks seeds and its own options", async () => {
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seeds: 0 })).rejects.toThrow(
      "sweep options.seeds = 0 must be ≥ 1",
    );
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seeds: -1 })).rejects.toThrow("seeds = -1 must be ≥ 1");
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seeds: 2.5 })).rejects.toThrow(
      "seeds = 2.5 must be an integer",
    );
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seeds: [0, 1.5] })).rejects.toThrow(
      "sweep options.seeds [1] = 1.5 must be an integer",
    );
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seeds: [] })).rejects.toThrow("seeds is an empty list");
    await expect(sweep(base, "optim.lr", [0.1], { ...opts, seed: 3 } as object)).rejects.toThrow(
      'sweep options got an unexpected option "seed". Did you mean "seeds"?',
    );
  });
});

describe("fit validation", () => {
  const parts = () => buildRun(base, 0);
  it("checks counts and misspelt options, but accepts a spread of the run's parts", async () => {
    await expect(fit({ ...parts(), maxSteps: 0, live: false })).rejects.toThrow("fit options.maxSteps = 0 must be ≥ 1");
    await expect(fit({ ...parts(), epochs: -2, live: false })).rejects.toThrow("fit options.epochs = -2 must be ≥ 1");
    await expect(fit({ ...parts(), epoch: 3, live: false } as never)).rejects.toThrow('Did you mean "epochs"?');
    await expect(fit({ ...parts(), live: false, checkpoint: { path: "/tmp/never.json", every: 0 } })).rejects.toThrow(
      "fit options.checkpoint.every = 0 must be ≥ 1",
    );
    const h = await fit({ ...parts(), maxSteps: 2, live: false });
    expect(h.series("loss").length).toBe(2);
  });

  it("an early-stop metric that names nothing is an error, not a stop that never fires", async () => {
    await expect(
      fit({ ...parts(), epochs: 2, live: false, earlyStop: { metric: "los", patience: 1 } }),
    ).rejects.toThrow('earlyStop.metric "los" is not a validation metric of this run');
    await expect(
      fit({ ...parts(), epochs: 2, live: false, earlyStop: { metric: "los", patience: 1 } }),
    ).rejects.toThrow('Did you mean "loss"?');
  });
});

describe("mlp config validation", () => {
  it("mlp itself rejects a misspelt key or a bad value", async () => {
    const { mlp } = await import("../nn");
    expect(() => mlp({ sizes: [2, 3, 2], activaton: "tanh" } as never, 0)).toThrow(
      'mlp config got an unexpected option "activaton". Did you mean "activation"?',
    );
    expect(() => mlp({ sizes: [2, 3, 2], dropout: -0.1 }, 0)).toThrow(
      "dropout probability has to be between 0 and 1, but got -0.1",
    );
    expect(() => mlp({ sizes: [2, 3, 2], batchNorm: "yes" as never }, 0)).toThrow(
      'mlp config.batchNorm = "yes" must be true or false',
    );
  });
});
