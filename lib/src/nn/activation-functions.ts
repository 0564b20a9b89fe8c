/**
 * The activation functions σ(z) and their derivatives σ'(z) as plain scalar functions, for plots and for checking
 * the layers (the layers in activations.ts run the same formulas over whole tensors).
 *
 * @example
 *   const zs = Array.from({ length: 81 }, (_, i) => -4 + i / 10);
 *   const rows = zs.map((z) => ({ z, value: applyActivation("tanh", z), slope: activationDerivative("tanh", z) }));
 */
export type ActivationName = "relu" | "leaky_relu" | "elu" | "tanh" | "sigmoid";

/** The logistic sigmoid 1/(1+e^−z), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * σ(z) for the named activation; `param` is leaky_relu's negative slope (default 0.01) or elu's α (default 1).
 * NaN gives NaN for every activation, as in torch.
 * relu max(0, z); leaky_relu z if z > 0 else slope·z; elu z if z > 0 else α(e^z − 1); tanh; sigmoid 1/(1+e^−z).
 */
export function applyActivation(name: ActivationName, z: number, param?: number): number {
  switch (name) {
    case "relu":
      return z <= 0 ? 0 : z; // NaN stays NaN, as torch
    case "leaky_relu":
      return z > 0 ? z : (param ?? 0.01) * z;
    case "elu":
      return z > 0 ? z : (param ?? 1) * Math.expm1(z);
    case "tanh":
      return Math.tanh(z);
    case "sigmoid":
      return sigmoid(z);
    default:
      throw unknown(name);
  }
}

/**
 * σ'(z) for the named activation, with torch's choice at the kink z = 0 (relu 0, leaky_relu slope, elu α).
 * sigmoid' = σ(1−σ) ≤ 1/4 and tanh' = 1 − tanh² → 0 for large |z|: the "saturating" activations of the lecture.
 */
export function activationDerivative(name: ActivationName, z: number, param?: number): number {
  if (Number.isNaN(z)) return NaN;
  switch (name) {
    case "relu":
      return z > 0 ? 1 : 0;
    case "leaky_relu":
      return z > 0 ? 1 : (param ?? 0.01);
    case "elu":
      return z > 0 ? 1 : (param ?? 1) * Math.exp(z);
    case "tanh": {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case "sigmoid": {
      const s = sigmoid(z);
      return s * (1 - s);
    }
    default:
      throw unknown(name);
  }
}

/** The activation names, in a stable order (for sweeps and plot legends). */
export const ACTIVATION_NAMES: readonly ActivationName[] = ["relu", "leaky_relu", "elu", "tanh", "sigmoid"];

function unknown(name: string): Error {
  return new Error(`Unknown activation "${name}": expected one of ${ACTIVATION_NAMES.join(", ")}`);
}
