import * as fs from "fs";
import * as path from "path";
import type { Module, StateDict } from "../nn/module";
import type { MetricRow } from "../rows/types";

/**
 * Checkpoints: everything needed to continue a run exactly where it stopped — model weights and buffers, optimizer
 * state (momentum buffers, Adam moments, step counts), scheduler state, the data loader's position (epoch, batch,
 * sampler and augmentation RNG state), the step counters and the History so far.
 *
 * The file is JSON with tensors as base64 of their float bytes (exact), a format name and a version. Writes are
 * atomic: the file is written under a temporary name and then renamed, so an interrupted save never leaves a
 * half-written checkpoint behind.
 *
 * @example
 *   await fit({ ...parts, checkpoint: { path: "run.ckpt.json", every: 100 } });
 *   const ckpt = loadCheckpoint("run.ckpt.json");
 *   await fit({ ...freshParts, resume: ckpt });   // continues bit for bit
 */
export const CHECKPOINT_FORMAT = "nn-knobs-checkpoint";
export const CHECKPOINT_VERSION = 1;

/** Anything with torch-style state dicts (optimizers, schedulers, data loaders use getState/setState). */
export interface Stateful {
  stateDict(): unknown;
  loadStateDict(state: any): void;
}

export interface EncodedTensor {
  shape: [number, number];
  dtype: "float32" | "float64";
  base64: string;
}

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  savedAt: string;
  step: number;
  epoch: number;
  model: Record<string, EncodedTensor>;
  optimizer?: unknown;
  scheduler?: unknown;
  loader?: unknown;
  history?: MetricRow[];
  config?: unknown;
  extra?: Record<string, unknown>;
}

/** The model's state dict with exact binary encoding. */
export function encodeModel(model: Module): Record<string, EncodedTensor> {
  const out: Record<string, EncodedTensor> = {};
  const all = [...model.namedParameters().map(([n, p]) => [n, p.value] as const), ...model.namedBuffers()];
  for (const [name, t] of all) {
    const bytes = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    out[name] = { shape: [t.rows, t.cols], dtype: t.dtype, base64: bytes.toString("base64") };
  }
  return out;
}

/** Decodes tensors back to the plain state dict that `Module.loadStateDict` takes. */
export function decodeModel(encoded: Record<string, EncodedTensor>): StateDict {
  const sd: StateDict = {};
  for (const [name, e] of Object.entries(encoded)) {
    const buf = Buffer.from(e.base64, "base64");
    const copy = new Uint8Array(buf).buffer; // aligned copy
    const data = e.dtype === "float64" ? new Float64Array(copy) : new Float32Array(copy);
    sd[name] = { shape: e.shape, data: Array.from(data) };
  }
  return sd;
}

/** Writes a checkpoint atomically (temporary file + rename). Creates the folder if needed. */
export function saveCheckpoint(file: string, ckpt: Omit<Checkpoint, "format" | "version" | "savedAt">): void {
  const full: Checkpoint = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    savedAt: new Date().toISOString(),
    ...ckpt,
  };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(full));
  fs.renameSync(tmp, file);
}

/** Reads and validates a checkpoint file; errors name the path and what is wrong. */
export function loadCheckpoint(file: string): Checkpoint {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`loadCheckpoint: cannot read ${path.resolve(file)}: ${(e as Error).message}`);
  }
  let ckpt: Checkpoint;
  try {
    ckpt = JSON.parse(text);
  } catch {
    throw new Error(`loadCheckpoint: ${path.resolve(file)} is not valid JSON (truncated or not a checkpoint)`);
  }
  if (ckpt?.format !== CHECKPOINT_FORMAT) {
    throw new Error(`loadCheckpoint: ${path.resolve(file)} is not an nn-knobs checkpoint`);
  }
  if (ckpt.version > CHECKPOINT_VERSION) {
    throw new Error(
      `loadCheckpoint: ${path.resolve(file)} has format version ${ckpt.version}; this nn-knobs reads up to ${CHECKPOINT_VERSION}`,
    );
  }
  return ckpt;
}

/** Loads a checkpoint's weights into a model, explaining an architecture mismatch in plain words. */
export function restoreModel(model: Module, ckpt: Checkpoint): void {
  const want = encodeModel(model);
  const have = ckpt.model;
  const describe = (m: Record<string, EncodedTensor>) =>
    Object.entries(m)
      .map(([n, e]) => `${n}[${e.shape.join("×")}]`)
      .join(", ");
  const same =
    Object.keys(want).length === Object.keys(have).length &&
    Object.entries(want).every(
      ([n, e]) => have[n] && have[n].shape[0] === e.shape[0] && have[n].shape[1] === e.shape[1],
    );
  if (!same) {
    throw new Error(
      `This checkpoint was saved from a different architecture.\n  checkpoint: ${describe(have)}\n  model:      ${describe(want)}`,
    );
  }
  model.loadStateDict(decodeModel(have));
}
