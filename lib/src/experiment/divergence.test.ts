import { describe, expect, it } from "vitest";
import { run } from "./run";
import { sweep } from "./sweep";
import { compare } from "../stats";
import { barsFromSummary, curves, pointsWithErrorBars } from "../plot";
import { NonFiniteData, TrainingDiverged } from "./errors";
import { DivergenceWatch, EXPLOSION_FACTOR, WARMUP_STEPS, WINDOW } from "./divergence";
import type { RunConfig } from "./config";
import type { FitHook } from "./hooks/hook";
import { fit } from "./fit";
import { DataLoader, moons, type AugmentSpec } from "../data";
import { CrossEntropyLoss, mlp } from "../nn";
import { SGD } from "../optim";

/** Issue 14's MNIST runs, kept small: 1,000 training images, 4 epochs of 16 batches (64 steps). */
const mnist = (lr: number, epochs = 4): RunConfig => ({
  data: { dataset: "mnist", trainSize: 1000, valSize: 200, batchSize: 64 },
  model: { sizes: [784, 64, 10] },
  optim: { name: "sgd", lr },
  epochs,
});

async function diverged(config: RunConfig, hooks: FitHook[] = []): Promise<TrainingDiverged> {
  const e = await run(config, { seed: 0, live: false, fitOptions: { hooks } }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(TrainingDiverged);
  return e as TrainingDiverged;
}

describe("the divergence rule", () => {
  it("flags lr = 100 and lr = 1e6 on MNIST (finite losses that exploded or overflowed) with the step-size fix", async () => {
    const e100 = await diverged(mnist(100));
    expect(e100.reason).toBe("exploded"); // finite losses near 40 for 50 steps: the "completed with 43.8"
    expect(e100.step).toBe(WARMUP_STEPS);
    expect(e100.message).toMatch(/step size is probably too large: lower the learning rate or clip gradients/);
    expect(e100.history?.rows.length).toBeGreaterThan(0);
    const e6 = await diverged(mnist(1e6));
    expect(e6.reason).toBe("exploded"); // losses near 5e5, finite
    expect(e6.message).toMatch(/lower the learning rate/);
    expect(e6.step).toBeGreaterThan(0);
  });

  it("a sweep over lr [0.1, 1e6] reports the 1e6 runs as diverged, and compare marks that setting", async () => {
    const r = await sweep(mnist(0.1), "optim.lr", [0.1, 1e6], { seeds: 2, workers: 1, live: false });
    expect(r.failures.map((f) => f.run)).toEqual(["optim.lr=1000000 seed=0", "optim.lr=1000000 seed=1"]);
    expect(r.rows.filter((x) => x.metric === "diverged").map((x) => x.knobValue)).toEqual([1e6, 1e6]);
    const cmp = compare(r.rows, { metric: "loss", split: "val", baseline: 0.1 });
    expect(cmp.settings.map((s) => s.verdict)).toEqual(["baseline", "diverged"]);
    expect(cmp.table()).toMatch(/diverged \(2\/2 seeds\)/);
    // The plots: the final-value bars name the setting (NaN mean), the curves say whose line ends.
    const final = r.final("loss", "val");
    expect(final.map((f) => [f.knobValue, Number.isNaN(f.mean)])).toEqual([
      [0.1, false],
      [1e6, true],
    ]);
    expect(pointsWithErrorBars(barsFromSummary(final)).title).toMatchObject({
      subtitle: ["no finite value at x = 1000000 (diverged?)"],
    });
    const spec = curves(r.rows, { metric: "loss", split: "train" }) as { title: { subtitle: string[] } };
    expect(spec.title.subtitle).toContain("diverged, line ends: lr 1000000 (seeds 0, 1)");
  });

  it("does not flag a run that trains, nor the bounces of a large but workable step", async () => {
    await expect(run(mnist(0.5), { seed: 0, live: false })).resolves.toBeDefined();
  });

  it("explains a NaN learning rate by the schedule, not the step size", async () => {
    // Run configs reject a schedule without its options up front; a custom schedule can still produce NaN.
    const e = await diverged(mnist(0.1), [nanLrAt(3)]);
    expect(e.reason).toBe("learning rate");
    expect(e.message).toMatch(/^The learning rate became NaN at step 4 .*check its options/);
    expect(e.message).not.toMatch(/step size/);
  });

  it("names the weights that went non-finite first", async () => {
    const e = await diverged(mnist(0.1), [nanWeightAt(2)]);
    expect(e.reason).toBe("weights");
    expect(e.message).toMatch(/^The weights 0\.weight became NaN or infinite at step 3 /);
    // NaN before any update (a broken init or checkpoint; the second Linear is layer 2) is not the step size:
    const broken: FitHook = { onStart: (s) => void (s.model.parameters()[2].value.data[7] = NaN) };
    const first = await diverged(mnist(0.1), [broken]);
    expect(first.reason).toBe("initial weights");
    expect(first.message).toMatch(/^The weights 2\.weight are NaN or infinite at step 1 .*before any update/);
    expect(first.message).not.toMatch(/step size/);
  });

  it("judges the explosion on the median of the last 25 losses, after the warm-up", () => {
    const opt = { paramGroups: [{ lr: 1 }] } as never;
    const w = new DivergenceWatch();
    w.checkLoss(2, opt);
    for (let i = 1; i < WARMUP_STEPS - 1; i++) w.checkLoss(1000, opt); // a wild warm-up is not judged…
    expect(() => w.checkLoss(1000, opt)).toThrow(/exploded .*: its smoothed value is 1000, more than 10 times/);
    // …and spikes during the warm-up are forgotten once the run settles (notebook 04's η = 1 survivors):
    const survivor = new DivergenceWatch();
    survivor.checkLoss(2.4, opt);
    for (let i = 1; i < 20; i++) survivor.checkLoss(i < 12 ? 1e19 : 2.4, opt);
    for (let i = 20; i < 200; i++) survivor.checkLoss(2.3, opt);
    expect(survivor.state?.steps).toBe(200);
    // A burst of fewer than half the window does not move the median; a sustained level does.
    const bursts = new DivergenceWatch({ start: 2, recent: Array(WINDOW).fill(1), steps: 100 });
    for (let i = 0; i < WINDOW / 2 - 1; i++) bursts.checkLoss(1e6, opt);
    expect(() => bursts.checkLoss(EXPLOSION_FACTOR * 2 + 1, opt)).toThrow(TrainingDiverged);
  });
});

describe("a batch with non-finite inputs", () => {
  it("stops training naming the dataset, the augmentation and the batch", async () => {
    const set = moons({ n: 100, noise: 0.1, seed: 0 });
    set.x.data[5 * 2 + 1] = NaN; // row 5, e.g. a normalization that divided by zero
    const model = mlp({ sizes: [2, 8, 2] }, 0);
    const parts = (augment?: AugmentSpec) => ({
      model,
      loss: new CrossEntropyLoss(),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      train: new DataLoader(set, { batchSize: 25, seed: 0, sampler: "sequential", augment }),
      live: false,
    });
    await expect(fit(parts())).rejects.toThrow(
      'The inputs of batch 0 of epoch 1 contain NaN (first at row 5 of the batch, column 1), from dataset "moons". ' +
        "Training stopped before the model learned from them: check how the dataset was made (a division by zero in a " +
        "normalization?).",
    );
    const e = await fit(parts({ name: "gaussianNoise", mean: 0, std: 0.1 })).then(
      () => new Error("trained"),
      (x: Error) => x,
    );
    expect(e).toBeInstanceOf(NonFiniteData);
    expect(e.message).toMatch(/from dataset "moons" after the augmentation \{"name":"gaussianNoise"/);
    expect(e.message).toMatch(/check the augmentation's options/);
  });
});

/** A hook that sets the learning rate to NaN after step `k` (as a broken schedule would). */
function nanLrAt(k: number): FitHook {
  return {
    onStep: (s) => {
      if (s.step === k) s.optimizer.paramGroups[0].lr = NaN;
    },
  };
}

/** A hook that puts a NaN into the first weight matrix after step `k` (as an overflowing update would). */
function nanWeightAt(k: number): FitHook {
  return {
    onStep: (s) => {
      if (s.step === k) s.model.parameters()[0].value.data[0] = NaN;
    },
  };
}
