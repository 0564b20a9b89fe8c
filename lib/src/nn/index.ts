/**
 * The layer library, like `torch.nn`: Module/Parameter, Linear, activations, BatchNorm1d, Dropout, Sequential,
 * losses, initializers, the mlp() builder, per-layer traces and gradient checks (numeric vs backprop).
 *
 * Buffer rule (tensor/scratch.ts): a layer reuses its output and dx buffers while the batch shape stays, so a tensor
 * returned by `forward`/`backward` (or a loss's `backward`) is owned by the layer and valid until that layer's next
 * forward/backward. Clone it to keep it; traceForward, traceBackward and gradCheckModule clone for you.
 */
export * from "./module";
export * from "./linear";
export * from "./activation-functions";
export * from "./activations";
export * from "./softmax";
export * from "./batch-norm";
export * from "./dropout";
export * from "./sequential";
export * from "./trace";
export * from "./dead-units";
export * from "./cross-entropy-loss";
export { MSELoss } from "./mse-loss";
export type { Reduction, Reduced } from "./reduction";
export * from "./bce-with-logits-loss";
export * from "./init";
export * from "./init-scheme";
export * from "./mlp";
export * from "../gradcheck";
export * from "./gradcheck-module";
export * from "./layer-probe";
export * from "./init-variance";
export * from "./directional-check";
export * from "./delta-sweep";
export { BuggySigmoid } from "./buggy-sigmoid";
export { columnStats, type ColumnStats } from "./column-stats";
