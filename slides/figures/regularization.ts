/**
 * Regularization on small MNIST training sets (notebooks 10, 11, 12): weight decay, dropout and augmentation, in
 * regimes that overfit, as in the notebooks but with fewer seeds and epochs.
 */
import { data, experiment, plot, stats, sweep } from "nn-knobs";
import { figure } from "../src/figure";

/** Weight decay λ: the weights' norm and the validation loss (10). */
export const weightDecay = figure({
  id: "weight-decay",
  notebook: "10-weight-decay",
  config: {
    base: {
      data: { dataset: "mnist", trainSize: 500, valSize: 1000, batchSize: 50, seed: 7 },
      model: { sizes: [784, 128, 10], activation: "relu", init: "kaiming" },
      optim: { name: "sgd", lr: 0.1, momentum: 0.9 },
      epochs: 20,
      evalEvery: 20,
      metrics: ["weightNorm"],
    } as experiment.RunConfig,
    lambdas: [0, 0.001, 0.003, 0.01, 0.03],
    seeds: 3,
  },
  async make({ base, lambdas, seeds }) {
    const runs = await sweep(base, "optim.weightDecay", lambdas, { seeds, live: false });
    const chart = plot.curves(runs.rows, {
      metric: ["weight norm", "loss"],
      split: "val",
      legendTitle: "λ",
      height: 250,
      title: `500 training images, 20 epochs (mean ± std, ${seeds} seeds)`,
    });
    const cmp = stats.compare(runs, { metric: "loss", split: "val", baseline: 0 });
    return {
      spec: plot.explorer(chart, { field: "series", label: "weight decay λ" }),
      caption: cmp.sentence(0.01),
    };
  },
});

/** Dropout p with 40% noisy training labels: fitting the noise vs generalizing (11). */
export const dropout = figure({
  id: "dropout",
  notebook: "11-dropout",
  config: {
    base: {
      data: { dataset: "mnist", trainSize: 1000, valSize: 1000, seed: 7, batchSize: 50, labelNoise: 0.4 },
      model: { sizes: [784, 128, 128, 10], activation: "relu", init: "kaiming" },
      optim: { name: "sgd", lr: 0.05, momentum: 0.9 },
      epochs: 20,
      evalEvery: 40,
      logEvery: 20,
      metrics: ["trainSetAccuracy"],
    } as experiment.RunConfig,
    ps: [0, 0.25, 0.5],
    seeds: 3,
  },
  async make({ base, ps, seeds }) {
    const runs = await sweep(base, "model.dropout", ps, { seeds, live: false });
    const chart = plot.curves(runs.rows, {
      metric: ["train-set accuracy", "accuracy"],
      split: "val",
      x: "epoch",
      legendTitle: "p",
      height: 250,
      title: `1,000 images, 40% of their labels wrong (${seeds} seeds)`,
    });
    const cmp = stats.compare(runs, { metric: "accuracy", split: "val", baseline: 0 });
    return {
      spec: plot.explorer(chart, { field: "series", label: "dropout p" }),
      caption: cmp.sentence(0.5),
    };
  },
});

/** What augmentations do to one digit (12). */
export const augmentations = figure({
  id: "augmentations",
  notebook: "12-augmentation",
  config: {
    augs: {
      "shift ≤ 2 px": [{ name: "translate", maxShift: 2 }],
      "rotate ≤ 15°": [{ name: "rotate", maxDegrees: 15 }],
      "scale 0.85–1.15": [{ name: "scale", min: 0.85, max: 1.15 }],
      "noise σ = 0.2": [{ name: "gaussianNoise", std: 0.2 }],
    } as Record<string, data.AugmentSpec[]>,
    draws: 5,
    seed: 0,
  },
  make({ augs, draws, seed }) {
    const pics = data.loadMnist({ limit: 100, seed });
    const two = pics.x.row(Array.from(pics.y).indexOf(2));
    const items = Object.entries(augs).flatMap(([name, spec]) => {
      const grid = data.augmentGrid(two, data.augmentFromConfig(spec), { n: draws, seed });
      return [{ pixels: two, title: name }, ...Array.from({ length: draws }, (_, i) => ({ pixels: grid.row(i) }))];
    });
    return { spec: plot.imageGrid(items, { columns: draws + 1, title: "original, then 5 random draws" }) };
  },
});
