import { Tensor, assertShape } from "./tensor";

/**
 * Per-column (per-feature) statistics and broadcasts of an N × C batch, the building blocks of BatchNorm1d.
 * Statistics are accumulated in float64 whatever the dtype, so a float32 batch loses nothing in the sums
 * (torch also accumulates float32 batch statistics in a wider type).
 */

/** Σᵢ x[i, c] for each column c (the bias gradient Σ dy). @example columnSum(dy) */
export function columnSum(x: Tensor): Float64Array {
  const s = new Float64Array(x.cols);
  for (let row = 0; row < x.data.length; row += x.cols) for (let c = 0; c < x.cols; c++) s[c] += x.data[row + c];
  return s;
}

/** Σᵢ a[i, c]·b[i, c] for each column c (BatchNorm's Σ dy·x̂). */
export function columnDot(a: Tensor, b: Tensor): Float64Array {
  assertShape(a.rows === b.rows && a.cols === b.cols, "columnDot", "equal shapes", a, b);
  const s = new Float64Array(a.cols);
  for (let row = 0; row < a.data.length; row += a.cols) {
    for (let c = 0; c < a.cols; c++) s[c] += a.data[row + c] * b.data[row + c];
  }
  return s;
}

/** The column means Ê[x] = Σᵢ x[i, c] / N. */
export function columnMean(x: Tensor): Float64Array {
  const m = columnSum(x);
  for (let c = 0; c < x.cols; c++) m[c] /= x.rows;
  return m;
}

/** The biased column variances Σᵢ (x[i, c] − mean[c])² / N (two passes: the mean first, for accuracy). */
export function columnVar(x: Tensor, mean: ArrayLike<number>): Float64Array {
  const v = new Float64Array(x.cols);
  for (let row = 0; row < x.data.length; row += x.cols) {
    for (let c = 0; c < x.cols; c++) v[c] += (x.data[row + c] - mean[c]) ** 2;
  }
  for (let c = 0; c < x.cols; c++) v[c] /= x.rows;
  return v;
}

/** out[i, c] = (x[i, c] − shift[c])·scale[c]: BatchNorm's x̂ = (x − μ)/σ with scale = 1/σ. */
export function shiftScaleColumns(x: Tensor, shift: ArrayLike<number>, scale: ArrayLike<number>, out: Tensor): Tensor {
  assertShape(out.rows === x.rows && out.cols === x.cols, "shiftScaleColumns (out)", "the shape of x", x, out);
  for (let row = 0; row < x.data.length; row += x.cols) {
    for (let c = 0; c < x.cols; c++) out.data[row + c] = (x.data[row + c] - shift[c]) * scale[c];
  }
  return out;
}

/** out[i, c] = gamma[c]·x[i, c] + beta[c] (gamma and beta 1 × C): BatchNorm's affine part γ x̂ + β. */
export function affineColumns(x: Tensor, gamma: Tensor, beta: Tensor, out: Tensor): Tensor {
  assertShape(gamma.size === x.cols && beta.size === x.cols, "affineColumns", `[1, ${x.cols}] gamma and beta`, x);
  assertShape(out.rows === x.rows && out.cols === x.cols, "affineColumns (out)", "the shape of x", x, out);
  const [g, b] = [gamma.data, beta.data];
  for (let row = 0; row < x.data.length; row += x.cols) {
    for (let c = 0; c < x.cols; c++) out.data[row + c] = g[c] * x.data[row + c] + b[c];
  }
  return out;
}

/** a[0, c] += s[c] for a 1 × C tensor `a` (accumulating a per-column sum into a gradient). */
export function addColumnsInPlace(a: Tensor, s: ArrayLike<number>): Tensor {
  assertShape(a.size === s.length, "addColumnsInPlace", `${s.length} values`, a);
  for (let c = 0; c < s.length; c++) a.data[c] += s[c];
  return a;
}
