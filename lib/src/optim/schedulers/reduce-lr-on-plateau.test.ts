import { describe, expect, it } from "vitest";
import { ReduceLROnPlateau, plateauValues } from "./reduce-lr-on-plateau";
import { SGD } from "../sgd";
import { param64 } from "../test-helpers";

describe("ReduceLROnPlateau", () => {
  it("patience, threshold, cooldown and minLr, by hand", () => {
    // lr 1, factor 0.5, patience 2, rel threshold 0.1 (better = below 0.9·best), cooldown 1, minLr 0.2.
    // e1 10: best 10.  e2 9.5, e3 9.2: not < 9 → bad 1, 2.  e4 9.0: not < 9 (strict) → bad 3 > 2 → lr 0.5, cooldown 1.
    // e5 8 < 9 → best 8; cooldown ends (counter 0).  e6, e7, e8 (8 not < 7.2): bad 1, 2, 3 → lr 0.25, cooldown 1.
    // e9: bad 1 zeroed by the cooldown. e10, e11, e12: bad 1, 2, 3 → max(0.125, 0.2) = lr 0.2.
    // e13 cooldown; e14–e16: bad 3 → max(0.1, 0.2) = 0.2 changes by 0 ≤ eps → no reduction.
    const metrics = [10, 9.5, 9.2, 9.0, ...Array(12).fill(8)];
    const opt = new SGD([param64([[1]])], { lr: 1 });
    const s = new ReduceLROnPlateau(opt, { factor: 0.5, patience: 2, threshold: 0.1, cooldown: 1, minLr: 0.2 });
    const fired: number[] = [];
    const lrs = metrics.map((m) => {
      s.step(m);
      if (s.lastReduced) fired.push(s.lastEpoch);
      return opt.paramGroups[0].lr;
    });
    expect(lrs).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(fired).toEqual([4, 8, 12]);
    expect(s.reductions.map((r) => r.lrs[0])).toEqual([0.5, 0.25, 0.2]);
    expect(plateauValues(1, metrics, { factor: 0.5, patience: 2, threshold: 0.1, cooldown: 1, minLr: 0.2 })).toEqual({
      lr: lrs,
      reducedAt: [4, 8, 12],
    });
  });

  it("mode max with an absolute threshold", () => {
    // accuracy 0.5, 0.6 (better: > 0.5 + 0.05), 0.62 (not > 0.65), 0.64 → bad 2 > patience 1 → lr 0.1·0.1
    const { lr, reducedAt } = plateauValues(0.1, [0.5, 0.6, 0.62, 0.64], {
      mode: "max",
      thresholdMode: "abs",
      threshold: 0.05,
      patience: 1,
    });
    expect(lr.slice(0, 3)).toEqual([0.1, 0.1, 0.1]);
    expect(lr[3]).toBeCloseTo(0.01, 15);
    expect(reducedAt).toEqual([4]);
  });

  it("default patience 10: the 11th bad epoch reduces", () => {
    const { reducedAt } = plateauValues(1, [1, ...Array(11).fill(1)]);
    expect(reducedAt).toEqual([12]);
  });

  it("stateDict round-trip through JSON (best may be Infinity) continues identically", () => {
    const metrics = [5, 5, 5, 4, 4, 4, 4, 4];
    const make = () => new ReduceLROnPlateau({ paramGroups: [{ lr: 1 }] }, { patience: 1 });
    const fresh = make();
    const restored = make();
    restored.loadStateDict(JSON.parse(JSON.stringify(fresh.stateDict())));
    const a = make();
    metrics.slice(0, 3).forEach((m) => a.step(m));
    const b = make();
    b.optimizer.paramGroups[0].lr = a.optimizer.paramGroups[0].lr;
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    for (const m of metrics.slice(3)) {
      a.step(m);
      b.step(m);
      restored.step(m);
      expect(b.getLastLr()).toEqual(a.getLastLr());
    }
    expect(restored.best).toBe(4);
  });

  it("validates like torch", () => {
    const o = { paramGroups: [{ lr: 1 }] };
    expect(() => new ReduceLROnPlateau(o, { factor: 1 })).toThrow("Factor should be < 1.0.");
    expect(() => new ReduceLROnPlateau(o, { mode: "up" as never })).toThrow("mode up is unknown!");
    expect(() => new ReduceLROnPlateau(o, { thresholdMode: "x" as never })).toThrow("threshold mode x is unknown!");
    expect(() => new ReduceLROnPlateau(o, { minLr: [0, 0] })).toThrow("expected 1 min_lrs, got 2");
  });
});
