import { describe, expect, it } from "vitest";
import type { RunConfig } from "./config";
import { describeLadder, ladder, mergeConfig, rungCost, sweepLadder } from "./ladder";
import { buildRun } from "./build";
import { configDiffLines } from "./config-diff";

const base: RunConfig = {
  data: { dataset: "moons", trainSize: 120, valSize: 60, batchSize: 20, noise: 0.15, sampler: "sorted" },
  model: { sizes: [2, 8, 2], activation: "tanh", init: { normalStd: 0.01 } },
  optim: { name: "sgd", lr: 0.05 },
  epochs: 2,
};

describe("ladder", () => {
  it("merges nested patches, replaces leaves and arrays, and changes neither input", () => {
    const before = structuredClone(base);
    const m = mergeConfig(base, { optim: { momentum: 0.9 }, model: { init: "kaiming", sizes: [2, 4, 2] } });
    expect(m.optim).toEqual({ name: "sgd", lr: 0.05, momentum: 0.9 });
    expect(m.model).toEqual({ sizes: [2, 4, 2], activation: "tanh", init: "kaiming" });
    expect(mergeConfig(m, { model: { init: { normalStd: 0.1 } } }).model.init).toEqual({ normalStd: 0.1 });
    expect(base).toEqual(before);
  });

  it("builds each rung on the one below and names what changed", () => {
    const steps = ladder({ name: "naive", config: base }, [
      { name: "+ reshuffle", patch: { data: { sampler: "reshuffle" } } },
      { name: "+ momentum", patch: { optim: { lr: 0.005, momentum: 0.9 } } },
    ]);
    expect(steps.map((s) => s.name)).toEqual(["naive", "+ reshuffle", "+ momentum"]);
    expect(steps[2].config.data.sampler).toBe("reshuffle"); // kept from the rung below
    expect(configDiffLines(steps[1].config, steps[2].config)).toEqual([
      "optim.lr: 0.05 → 0.005",
      "optim.momentum: — → 0.9",
    ]);
    expect(describeLadder(steps).split("\n")).toEqual([
      '+ reshuffle  data.sampler: "sorted" → "reshuffle"',
      "+ momentum   optim.lr: 0.05 → 0.005; optim.momentum: — → 0.9",
    ]);
    expect(() => ladder({ name: "a", config: base }, [{ name: "a", patch: {} }])).toThrow(/two rungs are named "a"/);
  });

  it("sweeps the rungs: each row runs its rung's own config, paired by seed", async () => {
    const steps = ladder({ name: "naive", config: base }, [
      { name: "+ schedule", patch: { schedule: { name: "cosine" } } },
      { name: "+ batch 40", patch: { data: { batchSize: 40 }, optim: { lr: 0.1 } } },
    ]);
    const runs = await sweepLadder(steps, { seeds: 2, workers: 1, live: false });
    expect(runs.configs.map((c) => c.config.data.batchSize)).toEqual([20, 20, 40]);
    expect(runs.configs[0].config.schedule).toBeUndefined();
    expect(runs.configs[1].config.schedule).toEqual({ name: "cosine" });
    const steps0 = (rung: string) => Math.max(...runs.rows.filter((r) => r.knobValue === rung).map((r) => r.step));
    expect([steps0("naive"), steps0("+ batch 40")]).toEqual([12, 6]); // 120/20 and 120/40 steps × 2 epochs
    expect(rungCost(runs.rows, "+ batch 40").updates).toBe(6);
    expect(rungCost(runs.rows, "naive").seconds).toBeGreaterThan(0);
    expect(() => rungCost(runs.rows, "+ nothing")).toThrow(/no rows for rung "\+ nothing"/);
    // Same seed, same model config → the same initial weights for every rung.
    const w = (c: RunConfig) => Array.from(buildRun(c, 1).model.parameters()[0].value.data);
    expect(w(runs.configs[0].config)).toEqual(w(runs.configs[2].config));
  });
});
