import { std, type Tensor } from "../tensor";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import type { InitScheme } from "./init-scheme";
import { Linear } from "./linear";
import type { Sequential } from "./sequential";
import { traceBackward, traceForward } from "./trace";

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

/** The per-layer statistics `depthStds` measures. */
export interface DepthStds {
  /** std of every Linear layer's output a[v], first layer first. */
  a: number[];
  /** std of z[v] = ∂ℓ/∂a[v] at every Linear layer's output (a cross-entropy loss, mean over the batch). */
  z: number[];
  /** Fraction of hidden-activation outputs with |o[v]| > 0.9 (tanh: where tanh′ = 1 − o² < 0.19). */
  saturated: number;
}

/**
 * One forward and backward pass of a cross-entropy loss on a batch: the std of a[v] and of z[v] at every
 * Linear layer (like forward/backward hooks in torch) — the lecture's var(a[v]) through depth, measured.
 * @example depthStds(mlp({ sizes, activation: "tanh", init: "xavier" }, 0), x, y).a
 */
export function depthStds(model: Sequential, x: Tensor, y: Int32Array): DepthStds {
  const ce = new CrossEntropyLoss();
  const outs = traceForward(model, x);
  ce.forward(outs[outs.length - 1].output, y);
  const grads = traceBackward(model, ce.backward());
  const linear = outs.filter((o) => model.layers[o.index] instanceof Linear);
  const hidden = outs.filter((o, i) => i + 1 < outs.length && !(model.layers[o.index] instanceof Linear));
  let big = 0,
    total = 0;
  for (const o of hidden) {
    for (const v of o.output.data) {
      total++;
      if (Math.abs(v) > 0.9) big++;
    }
  }
  return {
    a: linear.map((o) => std(o.output)),
    z: linear.map((o) => std(grads[o.index].grad)),
    saturated: big / (total || 1),
  };
}
