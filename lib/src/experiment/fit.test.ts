import { describe, expect, it } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./run";
import { buildRun } from "./build";
import { fit } from "./fit";
import { loadCheckpoint } from "./checkpoint";
import { TrainingDiverged } from "./errors";
import type { RunConfig } from "./config";

// A small, fast problem: 2-class moons, an MLP 2-16-16-2, SGD with momentum.
const base: RunConfig = {
  data: { dataset: "moons", trainSize: 400, valSize: 200, batchSize: 32, noise: 0.1 },
  model: { sizes: [2, 16, 16, 2], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.1, momentum: 0.9 },
  epochs: 15,
};

describe("fit / run", () => {
  it("learns the moons to a stated accuracy", async () => {
    const h = await run(base, { seed: 0, live: false });
    // Moons with noise 0.1 are separable by a small MLP; 15 epochs of momentum SGD reach well above 95%.
    expect(h.last("accuracy", "val")).toBeGreaterThan(0.95);
    expect(h.last("loss", "train")).toBeLessThan(0.2);
    // One "train/loss" row per step: 400/32 → 13 batches per epoch × 15 epochs.
    expect(h.series("loss", "train")).toHaveLength(13 * 15);
    expect(h.series("accuracy", "val")).toHaveLength(15);
    // With evalEvery = 10 over 195 steps: steps 10, 20, …, 190, and the final weights at step 195.
    const every = await run({ ...base, evalEvery: 10 }, { seed: 0, live: false });
    const steps = every.series("accuracy", "val").map((p) => p.step);
    expect(steps).toHaveLength(20);
    expect(steps[steps.length - 1]).toBe(195);
  });

  it("gives an identical History for the same seed, and a different one for another seed", async () => {
    const a = await run(base, { seed: 3, live: false });
    const b = await run(base, { seed: 3, live: false });
    const c = await run(base, { seed: 4, live: false });
    expect(a.withoutTime()).toEqual(b.withoutTime());
    expect(a.withoutTime()).not.toEqual(c.withoutTime());
  });

  it("resumes from a mid-epoch checkpoint bit for bit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnk-ckpt-"));
    const file = path.join(dir, "run.ckpt.json");
    const cfg: RunConfig = { ...base, epochs: 3, schedule: { name: "step", stepSize: 10, gamma: 0.5 } };
    const whole = await run(cfg, { seed: 1, live: false });
    // Stop after 20 steps (mid-epoch 2 of 13-batch epochs), saving a checkpoint at step 20.
    await run({ ...cfg, maxSteps: 20 }, { seed: 1, live: false, checkpoint: { path: file, every: 20 } });
    const ckpt = loadCheckpoint(file);
    expect(ckpt.step).toBe(20);
    const resumed = await run(cfg, { seed: 1, live: false, resume: ckpt });
    expect(resumed.withoutTime()).toEqual(whole.withoutTime());
    expect(fs.readdirSync(dir)).toEqual(["run.ckpt.json"]); // atomic write: no temporary file left
    // A checkpoint on an epoch's last batch (step 26 = 2 × 13) with a per-epoch schedule and evaluation.
    const perEpoch: RunConfig = { ...cfg, schedule: { name: "step", stepSize: 1, gamma: 0.5, interval: "epoch" } };
    const whole2 = await run(perEpoch, { seed: 2, live: false });
    await run({ ...perEpoch, maxSteps: 26 }, { seed: 2, live: false, checkpoint: { path: file, every: 26 } });
    const atEnd = await run(perEpoch, { seed: 2, live: false, resume: loadCheckpoint(file) });
    expect(atEnd.withoutTime()).toEqual(whole2.withoutTime());
  });

  it("refuses a checkpoint of another architecture with a clear error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnk-ckpt-"));
    const file = path.join(dir, "a.json");
    await run({ ...base, maxSteps: 2 }, { seed: 0, live: false, checkpoint: { path: file, every: 2 } });
    const other = { ...base, model: { ...base.model, sizes: [2, 8, 2] } };
    await expect(run(other, { seed: 0, live: false, resume: loadCheckpoint(file) })).rejects.toThrow(
      /different architecture/,
    );
    fs.writeFileSync(file, "{ truncated");
    expect(() => loadCheckpoint(file)).toThrow(/not valid JSON/);
  });

  it("stops a diverging run with the step and a hint, keeping the partial History", async () => {
    const cfg: RunConfig = { ...base, optim: { name: "sgd", lr: 1e6 } };
    const err = await run(cfg, { seed: 0, live: false }).catch((e) => e);
    expect(err).toBeInstanceOf(TrainingDiverged);
    expect(err.message).toMatch(/at step \d+/);
    expect(err.message).toMatch(/lower the learning rate or clip/);
    expect(err.history.rows.length).toBeGreaterThan(0);
  });

  it("asks the model for no input gradient (backward(dy, false)): the first Linear skips dx = dy·W", async () => {
    const parts = buildRun(base, 0);
    const flags: (boolean | undefined)[] = [];
    const backward = parts.model.backward.bind(parts.model);
    parts.model.backward = (dy, need) => (flags.push(need), backward(dy, need));
    await fit({ ...parts, maxSteps: 3, live: false });
    expect(flags).toEqual([false, false, false]);
  });
});
