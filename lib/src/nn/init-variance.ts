import type { InitScheme } from "./init-scheme";

/**
 * var(w) of an init scheme for a layer with `fanIn` inputs and `fanOut` outputs. The library's "xavier" is
 * Glorot's 2/(fan_in + fan_out) (torch's `xavier_normal_`), which equals the lecture's σ²/n = 1/n when
 * fan_in = fan_out; "kaiming" is the lecture's 2σ²/n with σ = 1.
 * @example initVariance("kaiming", 64, 64) // 2/64
 */
export function initVariance(scheme: InitScheme, fanIn: number, fanOut: number): number {
  if (scheme === "zeros") return 0;
  if (scheme === "kaiming") return 2 / fanIn;
  if (scheme === "xavier") return 2 / (fanIn + fanOut);
  if (scheme === "torch") return 1 / (3 * fanIn); // U(−1/√n, 1/√n)
  if ("normalStd" in scheme) return scheme.normalStd ** 2;
  if ("normalVariance" in scheme) return scheme.normalVariance;
  throw new Error(`initVariance: unknown scheme ${JSON.stringify(scheme)}`);
}

/**
 * The lecture's variance formula as a per-layer factor: std(a[v]) / std(a[u]) = √(n · var(w) · E[o²]/var(a)),
 * with E[o[u]²]/var(a[u]) = 1/2 for ReLU (half the units are active) and ≈ 1 for tanh while a is small.
 * Below 1 the signal vanishes with depth (as factor^depth), above 1 it grows (tanh then saturates).
 * @example predictedFactor("xavier", "relu", 64) // √(64 · 1/64 · 1/2) ≈ 0.71
 */
export function predictedFactor(scheme: InitScheme, activation: "relu" | "tanh", n: number): number {
  return Math.sqrt(n * initVariance(scheme, n, n) * (activation === "relu" ? 0.5 : 1));
}
