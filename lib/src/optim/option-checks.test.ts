import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";
import {
  Adadelta,
  Adagrad,
  Adam,
  AdamW,
  CosineAnnealingLR,
  ExponentialLR,
  HeavyBall,
  InverseTimeLR,
  LinearLR,
  MultiStepLR,
  OneCycleLR,
  ReduceLROnPlateau,
  RMSprop,
  SGD,
  StepLR,
} from ".";

const params = () => [new Parameter(Tensor.zeros(2, 2))];
const sgd = () => new SGD(params(), { lr: 0.1 });
const bad = (f: () => unknown) => f;

describe("optimizer options (torch: __init__() got an unexpected keyword argument)", () => {
  it("rejects a misspelt option of every optimizer, naming the nearest valid one", () => {
    expect(bad(() => new SGD(params(), { lr: 0.1, momentun: 0.9 } as object))).toThrow(
      'SGD() got an unexpected option "momentun". Did you mean "momentum"?',
    );
    expect(bad(() => new Adam(params(), { beta: [0.9, 0.99] } as object))).toThrow(
      'Adam() got an unexpected option "beta". Did you mean "betas"?',
    );
    expect(bad(() => new AdamW(params(), { weight_decay: 0.1 } as object))).toThrow(
      'AdamW() got an unexpected option "weight_decay". Did you mean "weightDecay"?',
    );
    expect(bad(() => new RMSprop(params(), { alpah: 0.9 } as object))).toThrow('Did you mean "alpha"?');
    expect(bad(() => new Adagrad(params(), { lrdecay: 0.1 } as object))).toThrow('Did you mean "lrDecay"?');
    expect(bad(() => new Adadelta(params(), { roh: 0.9 } as object))).toThrow('Did you mean "rho"?');
    expect(bad(() => new HeavyBall(params(), { momentun: 0.9 } as object))).toThrow('Did you mean "momentum"?');
  });

  it("rejects an option that is valid for another optimizer (Adam has no momentum)", () => {
    expect(bad(() => new Adam(params(), { lr: 0.1, momentum: 0.9 } as object))).toThrow(
      'Adam() got an unexpected option "momentum"',
    );
  });

  it("checks option types and keeps torch's range messages", () => {
    expect(bad(() => new SGD(params(), { lr: "0.1" as unknown as number }))).toThrow(
      'SGD(): lr = "0.1" must be a number',
    );
    expect(bad(() => new SGD(params(), { lr: NaN }))).toThrow("Invalid learning rate: NaN");
    expect(bad(() => new SGD(params(), { lr: 0.1, momentum: -1 }))).toThrow("Invalid momentum value: -1");
  });

  it("checks parameter groups' keys too", () => {
    expect(bad(() => new SGD([{ params: params(), lR: 0.1 } as never], { lr: 0.1 }))).toThrow(
      'SGD parameter group got an unexpected option "lR". Did you mean "lr"?',
    );
  });
});

describe("scheduler options", () => {
  it("rejects misspelt options, naming the nearest valid one", () => {
    expect(bad(() => new StepLR(sgd(), { stepSize: 5, gama: 0.5 } as never))).toThrow(
      'StepLR() got an unexpected option "gama". Did you mean "gamma"?',
    );
    expect(bad(() => new CosineAnnealingLR(sgd(), { tmax: 10 } as never))).toThrow('Did you mean "tMax"?');
    expect(bad(() => new OneCycleLR(sgd(), { maxLr: 0.1, totalSteps: 10, pct_start: 0.3 } as never))).toThrow(
      'Did you mean "pctStart"?',
    );
    expect(bad(() => new ReduceLROnPlateau(sgd(), { patiense: 3 } as never))).toThrow('Did you mean "patience"?');
    expect(bad(() => new LinearLR(sgd(), { startfactor: 0.1 } as never))).toThrow('Did you mean "startFactor"?');
  });

  it("requires the options without which the lr would be NaN or undefined", () => {
    expect(bad(() => new ExponentialLR(sgd(), {} as never))).toThrow("ExponentialLR(): gamma is required but missing");
    expect(bad(() => new OneCycleLR(sgd(), { totalSteps: 10 } as never))).toThrow(
      "OneCycleLR(): maxLr is required but missing",
    );
    expect(bad(() => new MultiStepLR(sgd(), {} as never))).toThrow("MultiStepLR(): milestones is required but missing");
    expect(bad(() => new StepLR(sgd(), {} as never))).toThrow("StepLR(): stepSize is required but missing");
    expect(bad(() => new InverseTimeLR(sgd(), {} as never))).toThrow("InverseTimeLR(): c is required but missing");
  });

  it("checks values, naming the field", () => {
    expect(bad(() => new StepLR(sgd(), { stepSize: 2.5 }))).toThrow("StepLR(): stepSize = 2.5 must be an integer");
    expect(bad(() => new ExponentialLR(sgd(), { gamma: NaN }))).toThrow(
      "ExponentialLR(): gamma = NaN must be a finite",
    );
    expect(bad(() => new MultiStepLR(sgd(), { milestones: [3, -1] }))).toThrow(
      "MultiStepLR(): milestones = [3,-1] [1] = -1 must be ≥ 0",
    );
    expect(bad(() => new ReduceLROnPlateau(sgd(), { patience: -1 }))).toThrow(
      "ReduceLROnPlateau(): patience = -1 must be ≥ 0",
    );
  });
});
