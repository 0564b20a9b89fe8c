import type { Tensor } from "../tensor";

/** Per column (unit) of a batch: the statistics BatchNorm uses. */
export interface ColumnStats {
  mean: number[];
  /** Divides by N: what BN normalizes with in training mode. */
  biasedVar: number[];
  /** Divides by N − 1: what BN's running variance averages. */
  unbiasedVar: number[];
}

/**
 * Mean and variance of every column of x (rows = examples): BN's Ê[a[v]] and Var̂[a[v]] over a minibatch.
 * Same as `x.mean(0)`, `x.var(0, unbiased=False)` and `x.var(0)` in torch. Needs at least 2 rows for the unbiased one.
 *
 * @example
 *   columnStats(Tensor.fromRows([[1, 10], [3, 30]])).biasedVar   // [1, 100]
 */
export function columnStats(x: Tensor): ColumnStats {
  const n = x.rows;
  const k = x.cols;
  const d = x.data;
  const mean = new Array<number>(k).fill(0);
  const ss = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) mean[c] += d[i * k + c] / n;
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) ss[c] += (d[i * k + c] - mean[c]) ** 2;
  return { mean, biasedVar: ss.map((s) => s / n), unbiasedVar: ss.map((s) => s / (n - 1)) };
}
