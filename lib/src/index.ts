/**
 * nn-knobs: the public surface, namespaced like torch (`nn`, `optim`, …) with the everyday names also at the top:
 *
 *   import { nn, optim, data, plot, experiment, Tensor, Rng, fit, sweep, show } from "nn-knobs";
 *   const model = new nn.Sequential(new nn.Linear(784, 10, { seed: 0 }));
 *   const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 *
 * Namespaces (one folder each; what a folder does not list in its index.ts is internal):
 *   tensor      Tensor, element-wise ops and reductions, matmul (+ the GEMM switch `setGemm`/`gemmBackend`)
 *   nn          Module, Parameter, layers, losses, init, mlp(), traces, gradient checks
 *   optim       optimizers, gradient clipping, learning-rate schedulers and their closed forms
 *   data        Dataset, MNIST, synthetic 2-D sets, 2-D loss surfaces, samplers, DataLoader, augmentation
 *   experiment  fit, run/sweep from plain-JSON configs, History rows, summaries, checkpoints, surfaces
 *   plot        pure Vega-Lite spec builders and the browser-free renderer
 *   jupyter     the tslab glue: show/chart, live displays, interrupts
 *   exercises   checks for notebook exercises
 *   stats       paired comparisons over seeds: t intervals, verdicts, Markdown tables
 */
export const version = "0.1.0";

export * as tensor from "./tensor";
export * as nn from "./nn";
export * as optim from "./optim";
export * as data from "./data";
export * as experiment from "./experiment";
export * as plot from "./plot";
export * as jupyter from "./jupyter";
export * as exercises from "./exercises";
export * as stats from "./stats";

// The everyday names, also at the top level.
export { Tensor } from "./tensor";
export { Rng, type RngState } from "./rng";
export { fit, run, sweep } from "./experiment";
export { show, chart } from "./jupyter";
export { gradCheck } from "./gradcheck";
export { checkClose, checkTrue } from "./exercise";
