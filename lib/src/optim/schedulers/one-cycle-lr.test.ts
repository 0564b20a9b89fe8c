import { describe, expect, it } from "vitest";
import { OneCycleLR } from "./one-cycle-lr";
import { oneCycleAt, oneCycleValues } from "./one-cycle-lr";
import { SGD } from "../sgd";
import { Adam } from "../adam";
import { Adagrad } from "../adagrad";
import { param64 } from "../test-helpers";

// maxLr 1, T = 10, pctStart 0.3, divFactor 25, finalDivFactor 1e4: initial = 1/25 = 0.04, min = 0.04/1e4 = 4e-6.
// Phase 1 ends at 0.3·10 − 1 = 2, phase 2 at 9. cos anneal: end + (start − end)/2 · (1 + cos(π·pct)).
const base = { maxLr: 1, totalSteps: 10 };

describe("OneCycleLR", () => {
  it("start, middle of warm-up, peak and end, by hand", () => {
    // t = 0: 1 + (0.04 − 1)/2 · 2 = 0.04 (0.040000000000000036 in float64, as in torch's own arithmetic)
    expect(oneCycleAt(0, base).lr).toBeCloseTo(0.04, 15);
    expect(oneCycleAt(0, base).momentum).toBe(0.95);
    // t = 1, pct = 1/2: lr = 1 + (0.04 − 1)/2 = 0.52; momentum = 0.85 + 0.1/2 = 0.9
    expect(oneCycleAt(1, base).lr).toBeCloseTo(0.52, 14);
    expect(oneCycleAt(1, base).momentum).toBeCloseTo(0.9, 14);
    expect(oneCycleAt(2, base)).toEqual({ lr: 1, momentum: 0.85 }); // peak
    // t = 9: end of phase 2: min lr, momentum back at max
    expect(oneCycleAt(9, base).lr).toBeCloseTo(4e-6, 18);
    expect(oneCycleAt(9, base).momentum).toBeCloseTo(0.95, 14);
    // t = 5, pct = 3/7 in phase 2
    const c = (1 + Math.cos((Math.PI * 3) / 7)) / 2;
    expect(oneCycleAt(5, base).lr).toBeCloseTo(4e-6 + (1 - 4e-6) * c, 14);
  });

  it("linear anneal and three phases", () => {
    expect(oneCycleAt(1, { ...base, annealStrategy: "linear" }).lr).toBeCloseTo(0.52, 14);
    // t = 6 in phase 2 of 2 (start 2, end 9), pct = 4/7: 1 + (4e-6 − 1)·4/7
    expect(oneCycleAt(6, { ...base, annealStrategy: "linear" }).lr).toBeCloseTo(1 + ((4e-6 - 1) * 4) / 7, 14);
    // three phases end at 2, 4, 9: back to 0.04 (momentum 0.95) at t = 4, the minimum at t = 9
    const three = { ...base, threePhase: true };
    expect(oneCycleAt(2, three).lr).toBe(1);
    expect(oneCycleAt(4, three).lr).toBeCloseTo(0.04, 15);
    expect(oneCycleAt(4, three).momentum).toBeCloseTo(0.95, 15);
    expect(oneCycleAt(9, three).lr).toBeCloseTo(4e-6, 18);
  });

  it("sets SGD's momentum, or Adam's β₁, and agrees with oneCycleAt at every step", () => {
    const sgd = new SGD([param64([[1]])], { lr: 123, momentum: 0.5 });
    const s = new OneCycleLR(sgd, base);
    expect(sgd.paramGroups[0].lr).toBeCloseTo(0.04, 15); // overwritten at construction, like torch
    expect(s.baseLrs).toEqual([0.04]);
    const seen: number[] = [sgd.paramGroups[0].lr];
    for (let t = 1; t < 10; t++) {
      s.step();
      seen.push(sgd.paramGroups[0].lr);
      expect(sgd.paramGroups[0].momentum).toBe(oneCycleAt(t, base).momentum);
    }
    expect(seen).toEqual(oneCycleValues(base));

    const adam = new Adam([param64([[1]])], { lr: 0.001, betas: [0.9, 0.99] });
    const a = new OneCycleLR(adam, { maxLr: 0.01, epochs: 2, stepsPerEpoch: 5 });
    expect(adam.paramGroups[0].betas).toEqual([0.95, 0.99]);
    a.step();
    expect(adam.paramGroups[0].betas[0]).toBeCloseTo(0.9, 14);
    expect(adam.paramGroups[0].betas[1]).toBe(0.99);
  });

  it("throws past totalSteps like torch (step T is extrapolated, T + 1 throws)", () => {
    const s = new OneCycleLR({ paramGroups: [{ lr: 1, momentum: 0.9 }] }, base);
    for (let t = 1; t <= 10; t++) s.step();
    expect(() => s.step()).toThrow("Tried to step 11 times. The specified number of total steps is 10");
  });

  it("validates like torch", () => {
    const o = () => ({ paramGroups: [{ lr: 1, momentum: 0.9 }] });
    expect(() => new OneCycleLR(o(), { maxLr: 1 })).toThrow(
      "You must define either total_steps OR (epochs AND steps_per_epoch)",
    );
    expect(() => new OneCycleLR(o(), { maxLr: 1, totalSteps: 0 })).toThrow(
      "Expected positive integer total_steps, but got 0",
    );
    expect(() => new OneCycleLR(o(), { maxLr: 1, epochs: 2, stepsPerEpoch: 1.5 })).toThrow(
      "Expected positive integer steps_per_epoch, but got 1.5",
    );
    expect(() => new OneCycleLR(o(), { ...base, pctStart: 2 })).toThrow(
      "Expected float between 0 and 1 pct_start, but got 2",
    );
    expect(() => new OneCycleLR(new Adagrad([param64([[1]])]), base)).toThrow(
      "optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
    );
    expect(() => new OneCycleLR(new Adagrad([param64([[1]])]), { ...base, cycleMomentum: false })).not.toThrow();
  });
});
