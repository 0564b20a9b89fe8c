import { Tensor, assertShape, type DType } from "./tensor";
import type { Rng } from "../rng";
import { fastAddRowVector, fastAddSumRows } from "./kernels/wasm-elementwise";

/**
 * Elementwise ops, reductions and constructors. Every op that makes a tensor takes an optional `out` so that the
 * training loop can reuse buffers instead of allocating each step.
 */

function sameShape(where: string, a: Tensor, b: Tensor): void {
  assertShape(a.rows === b.rows && a.cols === b.cols, where, "equal shapes", a, b);
}

function target(like: Tensor, out?: Tensor, where = "op"): Tensor {
  if (!out) return Tensor.zeros(like.rows, like.cols, like.dtype);
  sameShape(`${where} (out)`, like, out);
  return out;
}

/** out[i] = f(a[i]). */
export function map(a: Tensor, f: (v: number) => number, out?: Tensor): Tensor {
  const o = target(a, out, "map");
  for (let i = 0; i < a.data.length; i++) o.data[i] = f(a.data[i]);
  return o;
}

/** out[i] = f(a[i], b[i]). */
export function zip(a: Tensor, b: Tensor, f: (x: number, y: number) => number, out?: Tensor): Tensor {
  sameShape("zip", a, b);
  const o = target(a, out, "zip");
  for (let i = 0; i < a.data.length; i++) o.data[i] = f(a.data[i], b.data[i]);
  return o;
}

export function add(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  sameShape("add", a, b);
  const o = target(a, out, "add");
  for (let i = 0; i < a.data.length; i++) o.data[i] = a.data[i] + b.data[i];
  return o;
}

export function sub(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  sameShape("sub", a, b);
  const o = target(a, out, "sub");
  for (let i = 0; i < a.data.length; i++) o.data[i] = a.data[i] - b.data[i];
  return o;
}

export function mul(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  sameShape("mul", a, b);
  const o = target(a, out, "mul");
  for (let i = 0; i < a.data.length; i++) o.data[i] = a.data[i] * b.data[i];
  return o;
}

export function scale(a: Tensor, s: number, out?: Tensor): Tensor {
  const o = target(a, out, "scale");
  for (let i = 0; i < a.data.length; i++) o.data[i] = a.data[i] * s;
  return o;
}

/** a += s·b, in place (the axpy of BLAS). */
export function addScaledInPlace(a: Tensor, b: Tensor, s = 1): Tensor {
  sameShape("addScaledInPlace", a, b);
  const x = a.data; // hot (every gradient accumulation): plain locals in the loop
  const y = b.data;
  if (s === 1) for (let i = 0; i < x.length; i++) x[i] += y[i];
  else for (let i = 0; i < x.length; i++) x[i] += s * y[i];
  return a;
}

/** out = x + bias, where bias is 1 × cols, added to every row. */
export function addRowVector(x: Tensor, bias: Tensor, out?: Tensor): Tensor {
  assertShape(bias.rows === 1 && bias.cols === x.cols, "addRowVector", `a bias of shape [1, ${x.cols}]`, x, bias);
  const o = target(x, out, "addRowVector");
  const src = x.data;
  const dst = o.data;
  const b = bias.data;
  const n = x.cols;
  if (fastAddRowVector(x.rows, n, src, b, dst)) return o; // float32: the same loop in wasm SIMD (tensor/kernels)
  for (let row = 0; row < src.length; row += n) {
    for (let j = 0; j < n; j++) dst[row + j] = src[row + j] + b[j];
  }
  return o;
}

/** Column sums as a 1 × cols tensor (the bias gradient: the sum of dY over the batch). */
export function sumRows(x: Tensor, out?: Tensor): Tensor {
  const o = out ?? Tensor.zeros(1, x.cols, x.dtype);
  assertShape(o.rows === 1 && o.cols === x.cols, "sumRows (out)", `[1, ${x.cols}]`, o);
  const src = x.data;
  const sums = o.data;
  const n = x.cols;
  sums.fill(0);
  for (let row = 0; row < src.length; row += n) {
    for (let j = 0; j < n; j++) sums[j] += src[row + j];
  }
  return o;
}

/** out += column sums of x, in one pass (the bias gradient accumulated as torch does: db += Σ_rows dY). */
export function addSumRows(x: Tensor, out: Tensor): Tensor {
  assertShape(out.rows === 1 && out.cols === x.cols, "addSumRows (out)", `[1, ${x.cols}]`, out);
  const src = x.data;
  const sums = out.data;
  const n = x.cols;
  if (fastAddSumRows(x.rows, n, src, sums)) return out; // float32: the same sums in wasm SIMD (tensor/kernels)
  for (let row = 0; row < src.length; row += n) {
    for (let j = 0; j < n; j++) sums[j] += src[row + j];
  }
  return out;
}

export function sum(a: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i];
  return s;
}

export function mean(a: Tensor): number {
  return a.size === 0 ? NaN : sum(a) / a.size;
}

/** Standard deviation of all entries (population form, divides by n). */
export function std(a: Tensor): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - m) ** 2;
  return Math.sqrt(s / a.size);
}

/** The Euclidean (Frobenius) norm. */
export function norm(a: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * a.data[i];
  return Math.sqrt(s);
}

export function maxAbs(a: Tensor): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i]));
  return m;
}

/** The column index of each row's largest entry (the predicted class). */
export function argmaxRows(x: Tensor): Int32Array {
  const out = new Int32Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let best = 0;
    for (let j = 1; j < x.cols; j++) if (x.data[i * x.cols + j] > x.data[i * x.cols + best]) best = j;
    out[i] = best;
  }
  return out;
}

/** True if every entry is finite (no NaN, no ±Infinity). */
export function allFinite(a: Tensor): boolean {
  for (let i = 0; i < a.data.length; i++) if (!Number.isFinite(a.data[i])) return false;
  return true;
}

/** Copies the given rows of x (in that order) into a new (or given) tensor: a minibatch gather. */
export function gatherRows(x: Tensor, indices: ArrayLike<number>, out?: Tensor): Tensor {
  const o = out ?? Tensor.zeros(indices.length, x.cols, x.dtype);
  assertShape(o.rows === indices.length && o.cols === x.cols, "gatherRows (out)", `[${indices.length}, ${x.cols}]`, o);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (i < 0 || i >= x.rows) throw new Error(`gatherRows: index ${i} out of range for ${x.shapeString}`);
    o.data.set(x.data.subarray(i * x.cols, (i + 1) * x.cols), r * x.cols);
  }
  return o;
}

export function transpose(a: Tensor): Tensor {
  const o = Tensor.zeros(a.cols, a.rows, a.dtype);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) o.data[j * a.rows + i] = a.data[i * a.cols + j];
  return o;
}

/** A tensor of normal draws with the given mean and **standard deviation**. */
export function randn(rows: number, cols: number, rng: Rng, std = 1, mean = 0, dtype: DType = "float32"): Tensor {
  const t = Tensor.zeros(rows, cols, dtype);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal(mean, std);
  return t;
}

/** A tensor of uniform draws in [lo, hi). */
export function rand(rows: number, cols: number, rng: Rng, lo = 0, hi = 1, dtype: DType = "float32"): Tensor {
  const t = Tensor.zeros(rows, cols, dtype);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.uniform(lo, hi);
  return t;
}

/**
 * Fills `out` with an inverted-dropout mask: each entry 1/keep with probability `keep`, else 0 (all 0 when keep = 0),
 * in row-major order from one 32-bit draw per entry (kept iff u < keep·2³², exact up to 2⁻³²). Same distribution as
 * torch's `bernoulli_(keep).div_(keep)`, not the same draws.
 */
export function dropoutMask(rng: Rng, keep: number, out: Tensor): Tensor {
  const scale = keep > 0 ? 1 / keep : 0;
  const threshold = keep * 2 ** 32;
  for (let i = 0; i < out.data.length; i++) out.data[i] = rng.nextUint32() < threshold ? scale : 0;
  return out;
}
