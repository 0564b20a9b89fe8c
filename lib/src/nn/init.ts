import type { Tensor } from "../tensor";
import type { Rng } from "../rng";

/**
 * Weight initializers, like `torch.nn.init` (camelCase names, the trailing `_` means "fills t in place").
 * Every one takes the tensor and an `Rng` (never a hidden global generator) and returns the tensor.
 * For a Linear weight (out × in, torch's layout) fan_in = cols and fan_out = rows.
 *
 * The lecture's knob 1: var(a[v]) = #parents · var(u) · var(w), so the scale of w should shrink with n = fan_in:
 * Xavier N(0, σ²/n), Kaiming N(0, 2σ²/n) for ReLUs (half the units are active).
 *
 * @example
 *   const w = Tensor.zeros(256, 784);
 *   kaimingNormal_(w, new Rng(0), { nonlinearity: "relu" }); // std = √2/√784 ≈ 0.0505
 *   normal_(w, new Rng(0), { variance: 0.01 });             // the lecture's N(0, 0.01) read as a variance
 */
export type Nonlinearity = "linear" | "sigmoid" | "tanh" | "relu" | "leaky_relu" | "selu";

/** (fan_in, fan_out) = (cols, rows) of a 2-D weight, as torch's `_calculate_fan_in_and_fan_out`. */
export function calculateFans(t: Tensor): { fanIn: number; fanOut: number } {
  return { fanIn: t.cols, fanOut: t.rows };
}

/**
 * The recommended gain for a nonlinearity, same as `torch.nn.init.calculate_gain`: linear and sigmoid 1, tanh 5/3,
 * relu √2, leaky_relu √(2/(1+a²)) with a = `param` (default 0.01, as torch), selu 3/4.
 * @example calculateGain("leaky_relu", 0.2) // √(2/1.04) ≈ 1.387
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case "linear":
    case "sigmoid":
      return 1;
    case "tanh":
      return 5 / 3;
    case "relu":
      return Math.SQRT2;
    case "leaky_relu": {
      const a = param ?? 0.01;
      if (!Number.isFinite(a)) throw new Error(`negative_slope ${param} not a valid number`);
      return Math.sqrt(2 / (1 + a * a));
    }
    case "selu":
      return 3 / 4;
    default:
      throw new Error(`Unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/** Fills t with 0, same as `torch.nn.init.zeros_` (the lecture: "can we initialize all weights to 0?" — no: symmetry). */
export function zeros_(t: Tensor): Tensor {
  t.data.fill(0);
  return t;
}

/** Fills t with `value`, same as `torch.nn.init.constant_`. @example constant_(bn.weight.value, 1) */
export function constant_(t: Tensor, value: number): Tensor {
  t.data.fill(value);
  return t;
}

/**
 * Fills t from N(mean, std²), same as `torch.nn.init.normal_(t, mean, std)`. Give exactly one of `std` or
 * `variance`: the lecture's "N(0, 0.01)" is ambiguous, so say which you mean ({ std: 0.1 } ≡ { variance: 0.01 }).
 * @example normal_(w, rng, { std: 0.01 }); normal_(w, rng, { mean: 0, variance: 0.01 });
 */
export function normal_(t: Tensor, rng: Rng, opts: { mean?: number; std?: number; variance?: number }): Tensor {
  const { mean = 0, std, variance } = opts;
  if ((std === undefined) === (variance === undefined)) {
    throw new Error(
      "normal_: pass exactly one of { std } or { variance } (the lecture's N(0, 0.01) may mean std 0.01 or variance 0.01)",
    );
  }
  const s = std ?? Math.sqrt(variance as number);
  if (!(s >= 0) || (variance !== undefined && !(variance >= 0))) {
    throw new Error(`normal expects std >= 0.0, but found std ${std ?? `√${variance}`}`);
  }
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal(mean, s);
  return t;
}

/** Fills t from U(a, b), same as `torch.nn.init.uniform_(t, a=0, b=1)`. @example uniform_(w, rng, -0.1, 0.1) */
export function uniform_(t: Tensor, rng: Rng, a = 0, b = 1): Tensor {
  if (a > b) throw new Error(`uniform_ expects to return a [from, to) range, but found from=${a} > to=${b}`);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.uniform(a, b);
  return t;
}

/**
 * Glorot/Xavier uniform, same as `torch.nn.init.xavier_uniform_`: U(−b, b) with b = gain·√(6/(fan_in+fan_out)).
 * (The lecture's Xavier N(0, σ²/n) uses fan_in only; Glorot averages fan_in and fan_out. They agree when in = out.)
 */
export function xavierUniform_(t: Tensor, rng: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = calculateFans(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform_(t, rng, -bound, bound);
}

/** Glorot/Xavier normal, same as `torch.nn.init.xavier_normal_`: N(0, std²), std = gain·√(2/(fan_in+fan_out)). */
export function xavierNormal_(t: Tensor, rng: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = calculateFans(t);
  return normal_(t, rng, { std: gain * Math.sqrt(2 / (fanIn + fanOut)) });
}

/** Options of the Kaiming initializers, torch's names: `a` is leaky_relu's negative slope. */
export interface KaimingOptions {
  a?: number;
  mode?: "fan_in" | "fan_out";
  nonlinearity?: Nonlinearity;
}

function kaimingStd(t: Tensor, { a = 0, mode = "fan_in", nonlinearity = "leaky_relu" }: KaimingOptions): number {
  if (mode !== "fan_in" && mode !== "fan_out") {
    throw new Error(`Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
  }
  const { fanIn, fanOut } = calculateFans(t);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === "fan_in" ? fanIn : fanOut);
}

/**
 * He/Kaiming normal, same as `torch.nn.init.kaiming_normal_`: N(0, std²), std = gain/√fan. With relu:
 * the lecture's N(0, 2σ²/n), σ = 1. Defaults as torch: a = 0, mode "fan_in", nonlinearity "leaky_relu" (→ gain √2).
 */
export function kaimingNormal_(t: Tensor, rng: Rng, opts: KaimingOptions = {}): Tensor {
  return normal_(t, rng, { std: kaimingStd(t, opts) });
}

/**
 * He/Kaiming uniform, same as `torch.nn.init.kaiming_uniform_`: U(−b, b), b = √3·gain/√fan (the same variance).
 * torch's default Linear init is this with a = √5, i.e. b = 1/√fan_in.
 */
export function kaimingUniform_(t: Tensor, rng: Rng, opts: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd(t, opts);
  return uniform_(t, rng, -bound, bound);
}
