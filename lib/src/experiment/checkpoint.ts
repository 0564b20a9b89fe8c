import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import { Rng, type RngState } from "../rng";
import type { Module, StateDict } from "../nn/module";
import { checkCheckpointFields } from "./checkpoint-fields";
import type { MetricRow } from "../rows/types";
import type { DivergenceState } from "./divergence";

/**
 * Checkpoints: everything needed to continue a run exactly where it stopped — model weights and buffers, every
 * layer's random generator (dropout masks), optimizer state (momentum buffers, Adam moments, step counts), scheduler
 * state, the data loader's position (epoch, batch, sampler and augmentation RNG state), the step counters, the
 * divergence rule's recent losses, the History so far and the run's config.
 *
 * The file is JSON with tensors as base64 of their float bytes (exact), a format name, a version and a SHA-256
 * checksum of the rest, verified on load (one changed character is an error, not a silently different run).
 * Writes are atomic: the file is written under a temporary name and then renamed, so an interrupted save never
 * leaves a half-written checkpoint behind (and a failed save removes its temporary file).
 *
 * @example
 *   await fit({ ...parts, checkpoint: { path: "run.ckpt.json", every: 100 } });
 *   const ckpt = loadCheckpoint("run.ckpt.json");
 *   await fit({ ...freshParts, resume: ckpt });   // continues bit for bit
 */
export const CHECKPOINT_FORMAT = "nn-knobs-checkpoint";
/** 2: adds the checksum, the layers' generators, the optimizer's type and the divergence state. */
export const CHECKPOINT_VERSION = 2;

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
  /** The optimizer's class ("SGD", "Adam", …): resuming its state into another optimizer is an error. */
  optimizerType?: string;
  /** Each random layer's generator state by layer name (e.g. a Dropout at "2"). */
  generators?: Record<string, RngState>;
  /** The divergence rule's smoothed loss and reference, so a resumed run judges divergence as the original. */
  divergence?: DivergenceState;
  extra?: Record<string, unknown>;
  /** SHA-256 (hex) of the JSON of every other field, in order; checked by `loadCheckpoint`. */
  checksum?: string;
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
    const bytes = e.dtype === "float64" ? 8 : 4;
    if (buf.length !== e.shape[0] * e.shape[1] * bytes) {
      throw new Error(
        `decodeModel: tensor ${name} has ${buf.length} bytes of data; its shape [${e.shape.join(", ")}] ${e.dtype} ` +
          `needs ${e.shape[0] * e.shape[1] * bytes} (truncated or invalid base64)`,
      );
    }
    const copy = new Uint8Array(buf).buffer; // aligned copy
    const data = e.dtype === "float64" ? new Float64Array(copy) : new Float32Array(copy);
    sd[name] = { shape: e.shape, data: Array.from(data) };
  }
  return sd;
}

/** The random generators of a model's layers by layer name (a Dropout's masks), in a stable order. */
export function namedGenerators(model: Module, prefix = ""): [string, Rng][] {
  const own = (model as { rng?: unknown }).rng;
  const out: [string, Rng][] = own instanceof Rng ? [[prefix || "(model)", own]] : [];
  for (const [n, m] of model.namedChildren()) out.push(...namedGenerators(m, prefix ? `${prefix}.${n}` : n));
  return out;
}

/** The SHA-256 of a checkpoint's fields other than `checksum`, as JSON in their order. */
export function checkpointChecksum(ckpt: Checkpoint): string {
  const { checksum: _ignored, ...rest } = ckpt;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

/**
 * Writes a checkpoint atomically (temporary file + rename), with its checksum. Creates the folder if needed; if
 * the write fails, the temporary file is removed and the error names the path.
 */
export function saveCheckpoint(
  file: string,
  ckpt: Omit<Checkpoint, "format" | "version" | "savedAt" | "checksum">,
): void {
  const header = { format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, savedAt: new Date().toISOString() } as const;
  // The header first in the file, and its values win even when a loaded (older) checkpoint is saved again.
  const full: Checkpoint = { ...header, ...ckpt, ...header, checksum: undefined };
  full.checksum = checkpointChecksum(full);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(full));
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`saveCheckpoint: cannot write ${path.resolve(file)}: ${(e as Error).message}`);
  }
}

/**
 * Reads and validates a checkpoint file. Every error names the path and what is wrong: not JSON, another format, a
 * malformed field (named: a missing `step`, truncated or invalid base64 in a tensor, a wrong type), or a checksum
 * that does not match (the file was changed after it was saved).
 */
export function loadCheckpoint(file: string): Checkpoint {
  const where = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`loadCheckpoint: cannot read ${where}: ${(e as Error).message}`);
  }
  let ckpt: Checkpoint;
  try {
    ckpt = JSON.parse(text);
  } catch {
    throw new Error(`loadCheckpoint: ${where} is not valid JSON (truncated or not a checkpoint)`);
  }
  if (ckpt?.format !== CHECKPOINT_FORMAT) {
    throw new Error(`loadCheckpoint: ${where} is not an nn-knobs checkpoint`);
  }
  if (typeof ckpt.version === "number" && ckpt.version > CHECKPOINT_VERSION) {
    throw new Error(
      `loadCheckpoint: ${where} has format version ${ckpt.version}; this nn-knobs reads up to ${CHECKPOINT_VERSION}`,
    );
  }
  checkCheckpointFields(ckpt, where);
  if (ckpt.version >= 2 && ckpt.checksum !== checkpointChecksum(ckpt)) {
    throw new Error(
      `loadCheckpoint: ${where}: the checksum does not match the contents — the file was changed or damaged after ` +
        `it was saved. Use another checkpoint, or train again.`,
    );
  }
  return ckpt;
}

/**
 * Loads a checkpoint's weights (and its layers' generators) into a model, explaining an architecture mismatch in
 * plain words.
 */
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
  if (!ckpt.generators) return; // a version-1 checkpoint: the layers keep their fresh generators
  const gens = namedGenerators(model);
  const saved = Object.keys(ckpt.generators).join(", ") || "none";
  const mine = gens.map(([n]) => n).join(", ") || "none";
  if (saved !== mine) {
    throw new Error(
      `This checkpoint was saved from a different architecture: random layers at ${saved}, the model has them at ${mine}`,
    );
  }
  for (const [n, rng] of gens) rng.setState(ckpt.generators[n]);
}
