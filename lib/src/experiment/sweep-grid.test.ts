import { describe, expect, it } from "vitest";
import { bestPerGroup, gridFinals, sweepGrid } from "./sweep-grid";
import type { RunConfig } from "./config";

const base: RunConfig = {
  data: { dataset: "moons", trainSize: 200, valSize: 100, batchSize: 20, seed: 0 },
  model: { sizes: [2, 8, 3], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.1 },
  epochs: 2,
};

describe("sweepGrid and bestPerGroup", () => {
  it("runs every combination × seed, and picks each group's best learning rate", async () => {
    const grid = await sweepGrid(
      base,
      { "model.init": ["zeros", "kaiming"], "optim.lr": [1e-4, 0.3] },
      { seeds: 2, workers: 1, live: false },
    );
    expect(grid.settings.map((s) => s.label)).toEqual([
      "zeros · 0.0001",
      "zeros · 0.3",
      "kaiming · 0.0001",
      "kaiming · 0.3",
    ]);
    const finals = gridFinals(grid, "accuracy");
    expect(finals).toHaveLength(8);
    expect(finals[0]).toMatchObject({ "model.init": "zeros", "optim.lr": 0.0001, seed: 0 });
    const best = bestPerGroup(grid, { tune: "optim.lr", metric: "loss" }); // lower is better for a loss
    expect(best.choices.map((c) => [c.group, c.value])).toContainEqual(["kaiming", 0.3]);
    expect(new Set(best.rows.map((r) => r.knobValue))).toEqual(new Set(["zeros", "kaiming"]));
    // the kaiming rows are the η = 0.3 runs' rows, relabelled
    const k03 = grid.rows.filter((r) => r.knobValue === "kaiming · 0.3").map((r) => r.value);
    expect(best.rows.filter((r) => r.knobValue === "kaiming").map((r) => r.value)).toEqual(k03);
    expect(() => bestPerGroup(grid, { tune: "optim.momentum", metric: "accuracy" })).toThrow(/not a key of the grid/);
  });
  it("derives further config keys from each grid point", async () => {
    const grid = await sweepGrid(
      { ...base, epochs: 1 },
      { "data.batchSize": [20, 50] },
      { seeds: 1, workers: 1, live: false, derive: { maxSteps: (p) => 100 / p["data.batchSize"] } },
    );
    const lastStep = (label: string) => Math.max(...grid.rows.filter((r) => r.knobValue === label).map((r) => r.step));
    expect([lastStep("20"), lastStep("50")]).toEqual([5, 2]);
  });
  it("rejects an empty grid", async () => {
    await expect(sweepGrid(base, { "optim.lr": [] })).rejects.toThrow(/at least one value/);
  });
});
