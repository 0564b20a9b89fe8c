import { describe, expect, it } from "vitest";
import "."; // the Jupyter glue installs the interrupt check into the loops, as importing nn-knobs does
import { requestStop, clearStop, StoppedByUser } from "./interrupt";
import { buildRun, fit, sweep, type RunConfig } from "../experiment";

// The interrupt check is a hook that lib/src/jupyter plugs into fit and sweep; requestStop() is what SIGINT does.
const base: RunConfig = {
  data: { dataset: "moons", trainSize: 200, valSize: 100, batchSize: 25, noise: 0.15 },
  model: { sizes: [2, 8, 2], activation: "tanh", init: "xavier" },
  optim: { name: "sgd", lr: 0.2, momentum: 0 },
  epochs: 3,
};

describe("fit interrupts", () => {
  it("stops within one step when the user interrupts", async () => {
    const parts = buildRun(base, 0);
    let steps = 0;
    const p = fit({
      ...parts,
      epochs: 100,
      live: false,
      onStep: ({ step }) => {
        steps = step;
        if (step === 5) requestStop();
      },
    });
    const err = await p.catch((e) => e);
    clearStop();
    expect(err).toBeInstanceOf(StoppedByUser);
    expect(steps).toBe(5);
    expect(err.history.series("loss", "train")).toHaveLength(5);
  });
});

describe("sweep interrupts", () => {
  it.each([1, 2])("stops the whole sweep and keeps the finished runs (workers: %i)", async (workers) => {
    const timer = setTimeout(requestStop, 400);
    // 20,000 epochs: a run of this tiny net takes seconds even on a fast quiet machine (200 epochs took ~30 ms,
    // so the whole sweep could finish before the stop and the test fail).
    const err = await sweep({ ...base, epochs: 20_000 }, "optim.lr", [0.1, 0.2, 0.3], {
      seeds: 2,
      workers,
      live: false,
    }).catch((e) => e);
    clearTimeout(timer);
    clearStop();
    // The stop at 0.4 s ends the whole sweep instead of one run.
    expect(err).toBeInstanceOf(StoppedByUser);
    const finished = new Set(err.history.rows.map((r: { run: string; seed: number }) => `${r.run}/${r.seed}`));
    expect(finished.size).toBeLessThan(6);
  });
});
