/**
 * nn-knobs: the public surface. Everything a notebook needs is imported from here:
 *   import { Rng, Tensor, Sequential, Linear, ReLU, SGD, fit, sweep, show } from "nn-knobs";
 */
export const version = "0.1.0";

export * from "./rng";
export * from "./tensor";
export * from "./tensor/kernels";
export * from "./nn";
export * from "./optim";
export * from "./gradcheck";
export * from "./kernel";
export * from "./data";
export * from "./experiment";
export * from "./plot";
export * from "./exercise";
export * as stats from "./stats";
export * from "./exercises/10-weight-decay";
export * from "./exercises/08-batchnorm";
