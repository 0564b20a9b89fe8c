/**
 * The optimization knobs on real MNIST (notebooks 01, 02, 04, 07, 08): small versions of the notebooks' sweeps, so
 * the deck builds in a minute or two; paired over seeds and judged by `stats` as in the notebooks.
 */
import { experiment, plot, stats, sweep } from "nn-knobs";
import { figure } from "../src/figure";

const SMALL: experiment.RunConfig = {
  data: { dataset: "mnist", trainSize: 2000, valSize: 1000, batchSize: 32 },
  model: { sizes: [784, 64, 10], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.05 },
  epochs: 1,
};

/** "What if all the cats come first?": sorted vs shuffled sample order (01). */
export const sampleOrder = figure({
  id: "sample-order",
  notebook: "01-sgd-sample-order",
  config: {
    base: {
      ...SMALL,
      data: { ...SMALL.data, batchSize: 40 },
      optim: { name: "sgd", lr: 0.1 },
      evalEvery: 5,
    } as experiment.RunConfig,
    samplers: ["sorted", "shuffle-once", "reshuffle"],
    seeds: 3,
  },
  async make({ base, samplers, seeds }) {
    const runs = await sweep(base, "data.sampler", samplers, { seeds, live: false });
    const spec = plot.curves(runs.rows, {
      metric: "accuracy",
      split: "val",
      legendTitle: "sample order",
      title: `validation accuracy over one epoch (mean ± std, ${seeds} seeds)`,
    });
    const cmp = stats.compare(runs, { metric: "accuracy", split: "val", baseline: "reshuffle" });
    return { spec, caption: cmp.sentence("sorted") };
  },
});

/** Dead ReLUs: the fraction of hidden units that output 0 on every validation image, per step size (02). */
export const deadRelu = figure({
  id: "dead-relu",
  notebook: "02-activations-and-clipping",
  config: {
    base: {
      ...SMALL,
      model: { sizes: [784, 64, 64, 10], activation: "relu", init: "kaiming" },
      evalEvery: 8,
      evalAtStart: true,
      metrics: ["deadUnits"],
    } as experiment.RunConfig,
    lrs: [0.05, 0.2, 0.5, 1],
    seeds: 2,
  },
  async make({ base, lrs, seeds }) {
    const runs = await sweep(base, "optim.lr", lrs, { seeds, live: false });
    const chart = plot.curves(runs.rows, {
      metric: "dead fraction",
      split: "val",
      legendTitle: "η",
      title: `dead hidden units (mean ± std, ${seeds} seeds)`,
    });
    return { spec: plot.explorer(chart, { field: "series", label: "step size η" }) };
  },
});

/** The step size on MNIST: training loss per η, moving average (04). */
export const mnistLr = figure({
  id: "mnist-lr",
  notebook: "04-step-size",
  config: { base: SMALL, lrs: [0.001, 0.01, 0.1, 1], seeds: 3, window: 10 },
  async make({ base, lrs, seeds, window }) {
    const runs = await sweep(base, "optim.lr", lrs, { seeds, live: false });
    const smooth = experiment.movingAverage(runs.rows, { window });
    const chart = plot.curves(smooth, {
      logY: true,
      legendTitle: "η",
      title: `training loss, moving average of ${window} (mean ± std, ${seeds} seeds)`,
    });
    const cmp = stats.compare(runs, { metric: "loss", split: "val", baseline: 0.01 });
    return {
      spec: plot.explorer(chart, { field: "series", label: "step size η", value: 0.01 }),
      caption: `${cmp.sentence(0.001)} ${cmp.sentence(0.1)}`,
    };
  },
});

/** Minibatch size m at a fixed η, against the number of training samples seen (07). */
export const batchSize = figure({
  id: "batch-size",
  notebook: "07-minibatch",
  config: { base: { ...SMALL, epochs: 2 }, sizes: [8, 32, 128, 512], seeds: 2, evalSamples: 250 },
  async make({ base, sizes, seeds, evalSamples }) {
    const runs = await sweep(base, "data.batchSize", sizes, {
      seeds,
      live: false,
      derive: { evalEvery: (m: number) => Math.max(1, Math.round(evalSamples / m)) },
    });
    const rows = experiment.withSamplesSeen(runs.rows, base.data.trainSize!, (r) => r.knobValue as number);
    const chart = plot.curves(rows, {
      metric: "loss",
      split: "val",
      x: "samples",
      legendTitle: "batch size m",
      title: `validation loss at η = ${base.optim.lr} (mean ± std, ${seeds} seeds)`,
    });
    return { spec: plot.explorer(chart, { field: "series", label: "batch size m", value: 32 }) };
  },
});

/** Batch normalization rescues a deep net with a too-small initialization (08). */
export const batchNorm = figure({
  id: "batchnorm",
  notebook: "08-batchnorm",
  config: {
    base: {
      ...SMALL,
      model: { sizes: [784, 64, 64, 64, 64, 10], activation: "relu", init: { normalStd: 0.01 } },
      optim: { name: "sgd", lr: 0.1 },
      evalEvery: 8,
    } as experiment.RunConfig,
    seeds: 3,
  },
  async make({ base, seeds }) {
    const runs = await sweep(base, "model.batchNorm", [false, true], {
      seeds,
      live: false,
      label: (bn: boolean) => (bn ? "with BN" : "without BN"),
    });
    const spec = plot.curves(runs.rows, {
      metric: "accuracy",
      split: "val",
      legendTitle: "",
      title: `5-layer ReLU net, init N(0, 0.01²): val accuracy (${seeds} seeds)`,
    });
    const cmp = stats.compare(runs, { metric: "accuracy", split: "val", baseline: "without BN" });
    return { spec, caption: cmp.sentence("with BN") };
  },
});
