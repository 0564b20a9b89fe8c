/** The shape of fixtures.json (written by generate.py). Tensors are lists of rows; 1-D tensors are one row. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DTypeName } from "./compare";
import type { ErrorCase } from "./run-errors";

export type Rows = number[][];

export interface LayerStep {
  mode: "train" | "eval";
  x: Rows;
  dy: Rows;
  y: Rows;
  dx: Rows;
  grads: Record<string, Rows>;
  buffers?: Record<string, Rows>;
}

export interface LayerCase {
  name: string;
  dtype: DTypeName;
  layer: string;
  options: Record<string, unknown>;
  params: Record<string, Rows>;
  steps: LayerStep[];
}

export interface LossCase {
  name: string;
  dtype: DTypeName;
  loss: "CrossEntropyLoss" | "MSELoss" | "BCEWithLogitsLoss";
  /** torch's reduction; absent means "mean". */
  reduction?: "sum" | "none";
  x: Rows;
  target: Rows | number[];
  /** The loss, or with reduction "none" the per-element losses. */
  value: number | Rows;
  /** With reduction "none": the upstream gradient ∂L/∂ℓ passed to backward. */
  dl?: Rows;
  grad: Rows;
}

export interface OptimizerCase {
  name: string;
  dtype: DTypeName;
  optimizer: "SGD" | "Adagrad" | "RMSprop" | "Adam" | "AdamW" | "Adadelta";
  options: Record<string, unknown>;
  /** The parameter after each step, from optimizerInputs[dtype]. */
  params: Rows[];
}

/** The start tensor and the gradient of each step, shared by all optimizer cases of a dtype. */
export interface OptimizerInputs {
  start: Rows;
  grads: Rows[];
}

export interface SchedulerCase {
  name: string;
  scheduler: string;
  options: Record<string, unknown>;
  optimizer: "SGD" | "Adam";
  groupLrs: number[];
  /** lr[t][group] at t = 0 (after construction) … 30; momentum likewise (SGD's momentum or Adam's β₁). */
  lr: number[][];
  momentum: number[][];
}

export interface PlateauCase {
  name: string;
  options: Record<string, unknown>;
  baseLr: number;
  metrics: number[];
  lr: number[];
}

export interface ClipCase {
  name: string;
  dtype: DTypeName;
  kind: "norm" | "value";
  grads: Rows[];
  maxNorm?: number;
  normType?: number | "inf";
  totalNorm?: number;
  clipValue?: number;
  clipped: Rows[];
}

export interface InitFixtures {
  fans: { shape: [number, number]; fanIn: number; fanOut: number }[];
  gains: { nonlinearity: string; param: number | null; gain: number }[];
  bounds: {
    init: "kaiming_uniform_" | "kaiming_normal_" | "xavier_uniform_" | "xavier_normal_";
    shape: [number, number];
    options?: { a: number; mode: "fan_in" | "fan_out"; nonlinearity: string };
    gain?: number;
    bound?: number;
    std?: number;
  }[];
}

export interface Fixtures {
  meta: { torch: string; generator: string; note: string };
  layers: LayerCase[];
  losses: LossCase[];
  optimizerInputs: Record<DTypeName, OptimizerInputs>;
  optimizers: OptimizerCase[];
  schedulers: SchedulerCase[];
  plateau: PlateauCase[];
  clip: ClipCase[];
  init: InitFixtures;
  errors: ErrorCase[];
}

/** Reads the committed fixtures (no torch needed). */
export function loadFixtures(): Fixtures {
  return JSON.parse(readFileSync(join(__dirname, "fixtures.json"), "utf8")) as Fixtures;
}
