import { describe, expect, it } from "vitest";
import { StepLR } from "./step-lr";
import { MultiStepLR } from "./multi-step-lr";
import { ExponentialLR } from "./exponential-lr";
import { LambdaLR } from "./lambda-lr";
import { InverseTimeLR } from "./inverse-time-lr";
import { CosineAnnealingLR } from "./cosine-annealing-lr";
import { LinearLR } from "./linear-lr";
import { OneCycleLR } from "./one-cycle-lr";
import type { LRScheduler, SchedulableOptimizer } from "./lr-scheduler";
import { scheduleValues, type ScheduleKinds } from "./registry";
import { SGD } from "../sgd";
import { param64 } from "../test-helpers";

const opt = (lr: number): SchedulableOptimizer => ({ paramGroups: [{ lr, momentum: 0.9 }] });

/** The lr right after construction and after each of `steps − 1` further `step()` calls. */
function lrs(sched: LRScheduler, steps: number): number[] {
  const out = [sched.getLastLr()[0]];
  for (let t = 1; t < steps; t++) {
    sched.step();
    out.push(sched.getLastLr()[0]);
  }
  return out;
}

function expectClose(actual: number[], expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v, `t=${i}`).toBeCloseTo(expected[i], digits));
}

describe("schedulers by hand", () => {
  it("StepLR: ×γ every stepSize steps", () => {
    // base 0.1, stepSize 2, γ 0.5: 0.1, 0.1, 0.05, 0.05, 0.025
    expectClose(lrs(new StepLR(opt(0.1), { stepSize: 2, gamma: 0.5 }), 5), [0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it("MultiStepLR: ×γ at each milestone; a repeated milestone applies twice", () => {
    expectClose(lrs(new MultiStepLR(opt(1), { milestones: [5, 2] }), 7), [1, 1, 0.1, 0.1, 0.1, 0.01, 0.01]);
    expectClose(lrs(new MultiStepLR(opt(1), { milestones: [3, 3], gamma: 0.5 }), 5), [1, 1, 1, 0.25, 0.25]);
  });

  it("ExponentialLR: ×γ every step", () => {
    expectClose(lrs(new ExponentialLR(opt(1), { gamma: 0.5 }), 4), [1, 0.5, 0.25, 0.125]);
  });

  it("CosineAnnealingLR: (1 + cos(πt/T))/2 down to etaMin, then back up", () => {
    // T = 4, base 1: 1, (1 + cos(π/4))/2 = 0.853553, 0.5, 0.146447, 0, then 0.146447 (rising)
    const c = (1 + Math.SQRT1_2) / 2;
    expectClose(lrs(new CosineAnnealingLR(opt(1), { tMax: 4 }), 6), [1, c, 0.5, 1 - c, 0, 1 - c]);
  });

  it("LambdaLR: base · λ(t), one λ per group allowed", () => {
    expectClose(lrs(new LambdaLR(opt(1), { lrLambda: (t) => 1 / (t + 1) }), 3), [1, 0.5, 1 / 3]);
    const two: SchedulableOptimizer = { paramGroups: [{ lr: 1 }, { lr: 2 }] };
    const s = new LambdaLR(two, { lrLambda: [() => 1, (t) => 0.5 ** t] });
    s.step();
    expect(s.getLastLr()).toEqual([1, 1]);
    expect(() => new LambdaLR(two, { lrLambda: [() => 1] })).toThrow("Expected 2 lr_lambdas, but got 1");
  });

  it("LinearLR: warm-up from base/3 to base over 5 steps (defaults)", () => {
    // base 0.3: 0.3·(1/3 + (2/3)·t/5) = 0.1, 0.14, 0.18, 0.22, 0.26, 0.3, 0.3
    expectClose(lrs(new LinearLR(opt(0.3)), 7), [0.1, 0.14, 0.18, 0.22, 0.26, 0.3, 0.3]);
    expect(() => new LinearLR(opt(1), { startFactor: 0 })).toThrow(
      "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.",
    );
    expect(() => new LinearLR(opt(1), { endFactor: 2 })).toThrow(
      "Ending multiplicative factor expected to be between 0 and 1.",
    );
  });

  it("InverseTimeLR: the lecture's η/(C + t) as base · c/(c + t)", () => {
    // c = 10, base 0.1: 0.1, 0.1·10/11, 0.1·10/12; at t = 10 half the base
    const got = lrs(new InverseTimeLR(opt(0.1), { c: 10 }), 11);
    expectClose(got.slice(0, 3), [0.1, 1 / 11, 1 / 12]);
    expect(got[10]).toBeCloseTo(0.05, 14);
    expect(() => new InverseTimeLR(opt(1), { c: 0 })).toThrow("InverseTimeLR(): c = 0 must be > 0");
  });
});

describe("schedulers and optimizers", () => {
  it("the constructor takes the initial step and records initialLr; step() writes the groups' lr", () => {
    const o = new SGD([param64([[1]])], { lr: 0.1 });
    const s = new StepLR(o, { stepSize: 1, gamma: 0.5 });
    expect(s.lastEpoch).toBe(0);
    expect(o.paramGroups[0].initialLr).toBe(0.1);
    s.step();
    expect(o.paramGroups[0].lr).toBe(0.05);
    expect(s.baseLrs).toEqual([0.1]);
  });

  it("resuming with lastEpoch needs initialLr, like torch", () => {
    expect(() => new StepLR(opt(1), { stepSize: 2 }, 3)).toThrow(
      "param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer",
    );
    const s = new StepLR({ paramGroups: [{ lr: 1, initialLr: 1 }] }, { stepSize: 2 }, 3);
    expect(s.lastEpoch).toBe(4);
  });

  it("chainable: two schedules on one optimizer multiply, as in torch", () => {
    const o = opt(1);
    const a = new ExponentialLR(o, { gamma: 0.5 });
    const b = new StepLR(o, { stepSize: 2, gamma: 0.1 });
    a.step();
    b.step(); // t = 1: 0.5
    a.step();
    b.step(); // t = 2: 0.5·0.5·0.1 = 0.025
    expect(o.paramGroups[0].lr).toBeCloseTo(0.025, 15);
  });

  it("stateDict round-trip (with the optimizer's) continues identically", () => {
    const make = () => {
      const o = new SGD([param64([[1]])], { lr: 0.1, momentum: 0.9 });
      return { o, s: new CosineAnnealingLR(o, { tMax: 10, etaMin: 0.001 }) };
    };
    const a = make();
    for (let t = 0; t < 3; t++) a.s.step();
    const saved = JSON.parse(JSON.stringify({ o: a.o.stateDict(), s: a.s.stateDict() }));
    const b = make();
    b.o.loadStateDict(saved.o);
    b.s.loadStateDict(saved.s);
    expect(b.s.lastEpoch).toBe(3);
    expect(lrs(b.s, 6)).toEqual(lrs(a.s, 6));
  });
});

describe("the plain functions agree with the classes", () => {
  const cases: {
    [K in Exclude<keyof ScheduleKinds, "plateau">]: [ScheduleKinds[K], (o: SchedulableOptimizer) => LRScheduler];
  } = {
    step: [{ stepSize: 3, gamma: 0.3 }, (o) => new StepLR(o, { stepSize: 3, gamma: 0.3 })],
    multistep: [{ milestones: [4, 9, 9] }, (o) => new MultiStepLR(o, { milestones: [4, 9, 9] })],
    exponential: [{ gamma: 0.9 }, (o) => new ExponentialLR(o, { gamma: 0.9 })],
    cosine: [{ tMax: 7, etaMin: 0.01 }, (o) => new CosineAnnealingLR(o, { tMax: 7, etaMin: 0.01 })],
    lambda: [{ lrLambda: (t) => 0.97 ** t }, (o) => new LambdaLR(o, { lrLambda: (t) => 0.97 ** t })],
    linear: [{ startFactor: 0.1, totalIters: 8 }, (o) => new LinearLR(o, { startFactor: 0.1, totalIters: 8 })],
    "inverse-time": [{ c: 5 }, (o) => new InverseTimeLR(o, { c: 5 })],
    onecycle: [
      { maxLr: 0.2, totalSteps: 25, threePhase: true },
      (o) => new OneCycleLR(o, { maxLr: 0.2, totalSteps: 25, threePhase: true }),
    ],
  };
  for (const [kind, [options, make]] of Object.entries(cases)) {
    it(`${kind}: class (torch's recursive form) = closed form to 1e-12 over 25 steps`, () => {
      const fromClass = lrs(make(opt(0.2)), 25);
      const plain = scheduleValues(kind as Exclude<keyof ScheduleKinds, "plateau">, 0.2, options as never, 25);
      fromClass.forEach((v, t) => expect(Math.abs(v - plain[t]), `t=${t}`).toBeLessThan(1e-12 * 0.2));
    });
  }

  it("cosine agrees through several periods (recursive form vs closed form)", () => {
    const fromClass = lrs(new CosineAnnealingLR(opt(1), { tMax: 50 }), 200);
    const plain = scheduleValues("cosine", 1, { tMax: 50 }, 200);
    fromClass.forEach((v, t) => expect(Math.abs(v - plain[t])).toBeLessThan(1e-12));
  });
});
