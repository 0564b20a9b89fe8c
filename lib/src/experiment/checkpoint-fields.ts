import type { Checkpoint } from "./checkpoint";

/** One malformed field: its dotted name in the file and what is wrong with it. */
type Problem = [field: string, problem: string];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks every field of a parsed checkpoint file: types, counts, and each tensor's base64 against its shape and
 * dtype. Throws one error that names the file and every malformed field, e.g.
 * `…/run.ckpt.json: field "model.0.weight.base64" has 3,136 bytes, its shape [64, 784] float32 needs 200,704
 * (truncated?)`.
 */
export function checkCheckpointFields(c: Checkpoint, file: string): void {
  const problems: Problem[] = [...counters(c), ...tensors(c), ...parts(c)];
  if (!problems.length) return;
  const lines = problems.map(([f, p]) => `  field "${f}" ${p}`);
  throw new Error(`loadCheckpoint: ${file} is damaged or was edited:\n${lines.join("\n")}`);
}

function counters(c: Checkpoint): Problem[] {
  const out: Problem[] = [];
  for (const key of ["version", "step", "epoch"] as const) {
    const v = (c as unknown as Record<string, unknown>)[key];
    if (v === undefined) out.push([key, "is missing"]);
    else if (!isCount(v)) out.push([key, `should be a whole number ≥ 0, not ${JSON.stringify(v)}`]);
  }
  return out;
}

function tensors(c: Checkpoint): Problem[] {
  if (!isObject(c.model)) return [["model", c.model === undefined ? "is missing" : "should be an object"]];
  const out: Problem[] = [];
  for (const [name, e] of Object.entries(c.model)) {
    const f = `model.${name}`;
    if (!isObject(e)) {
      out.push([f, "should be an object { shape, dtype, base64 }"]);
      continue;
    }
    const { shape, dtype, base64 } = e as Record<string, unknown>;
    const shapeOk = Array.isArray(shape) && shape.length === 2 && shape.every(isCount);
    if (!shapeOk) out.push([`${f}.shape`, `should be [rows, cols], not ${JSON.stringify(shape)}`]);
    if (dtype !== "float32" && dtype !== "float64") {
      out.push([`${f}.dtype`, `should be "float32" or "float64", not ${JSON.stringify(dtype)}`]);
    }
    if (typeof base64 !== "string") {
      out.push([`${f}.base64`, base64 === undefined ? "is missing" : "should be a string"]);
    } else if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
      out.push([`${f}.base64`, "is not valid base64 (truncated, or a character changed)"]);
    } else if (shapeOk && (dtype === "float32" || dtype === "float64")) {
      const bytes = Buffer.byteLength(base64, "base64");
      const [r, k] = shape as number[];
      const need = r * k * (dtype === "float64" ? 8 : 4);
      if (bytes !== need) {
        out.push([`${f}.base64`, `has ${bytes} bytes, its shape [${r}, ${k}] ${dtype} needs ${need} (truncated?)`]);
      }
    }
  }
  return out;
}

function parts(c: Checkpoint): Problem[] {
  const out: Problem[] = [];
  for (const key of ["optimizer", "scheduler", "loader", "config", "generators", "divergence"] as const) {
    if (c[key] !== undefined && !isObject(c[key])) out.push([key, "should be an object"]);
  }
  if (c.history !== undefined && !(Array.isArray(c.history) && c.history.every(isObject))) {
    out.push(["history", "should be a list of History rows"]);
  }
  for (const key of ["optimizerType", "checksum", "savedAt"] as const) {
    if (c[key] !== undefined && typeof c[key] !== "string") out.push([key, "should be a string"]);
  }
  for (const [name, st] of Object.entries(isObject(c.generators) ? c.generators : {})) {
    const ok = Array.isArray(st) && st.length === 4 && st.every(isCount) && st.some((w) => w !== 0);
    if (!ok) out.push([`generators.${name}`, "should be four 32-bit words, not all zero"]);
  }
  if (isObject(c.divergence)) {
    const d = c.divergence as unknown as Record<string, unknown>;
    const ok = typeof d.start === "number" && Array.isArray(d.recent) && isCount(d.steps);
    if (!ok) out.push(["divergence", "should be { start, recent, steps }"]);
  }
  return out;
}
