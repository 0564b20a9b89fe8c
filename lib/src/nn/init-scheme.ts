import type { Rng } from "../rng";
import { Module } from "./module";
import { Linear } from "./linear";
import { kaimingNormal_, normal_, xavierNormal_, zeros_ } from "./init";

/**
 * A weight-initialization scheme as plain JSON, for configs and sweeps:
 * - "torch": torch's default Linear init, U(−1/√in, 1/√in) for weights and biases;
 * - "zeros": all zero (the lecture's first question — the units stay identical, symmetry is never broken);
 * - "kaiming": N(0, 2/fan_in), the lecture's Kaiming N(0, 2σ²/n) with σ = 1 (torch's kaiming_normal_, relu);
 * - "xavier": N(0, 2/(fan_in + fan_out)), Glorot's form (torch's xavier_normal_); the lecture's N(0, σ²/n) uses
 *   fan_in only — the two agree when fan_in = fan_out;
 * - { normalStd: s } or { normalVariance: v }: N(0, s²) or N(0, v) — the lecture's "N(0, 0.01)" spelled out.
 */
export type InitScheme = "torch" | "zeros" | "kaiming" | "xavier" | { normalStd: number } | { normalVariance: number };

/** A short label for plots and run names: "kaiming", "N(0, std=0.01)", "N(0, var=0.01)". */
export function initSchemeLabel(scheme: InitScheme): string {
  if (typeof scheme === "string") return scheme;
  return "normalStd" in scheme ? `N(0, std=${scheme.normalStd})` : `N(0, var=${scheme.normalVariance})`;
}

/**
 * Re-initializes every Linear layer inside `model` (in parameter order, drawing from `rng`): weights by `scheme`,
 * biases zero — except "torch", which redraws both as torch's `reset_parameters` does.
 * @example initLinearLayers(model, { normalVariance: 0.01 }, new Rng(0));
 */
export function initLinearLayers(model: Module, scheme: InitScheme, rng: Rng): void {
  for (const m of linearLayers(model)) {
    if (scheme === "torch") {
      m.resetParameters(rng);
      continue;
    }
    const w = m.weight.value;
    if (scheme === "zeros") zeros_(w);
    else if (scheme === "kaiming") kaimingNormal_(w, rng, { nonlinearity: "relu" });
    else if (scheme === "xavier") xavierNormal_(w, rng);
    else if (typeof scheme === "object" && "normalStd" in scheme) normal_(w, rng, { std: scheme.normalStd });
    else if (typeof scheme === "object" && "normalVariance" in scheme) {
      normal_(w, rng, { variance: scheme.normalVariance });
    } else throw new Error(`initLinearLayers: unknown scheme ${JSON.stringify(scheme)}`);
    if (m.bias) zeros_(m.bias.value);
  }
}

function linearLayers(m: Module): Linear[] {
  const own = m instanceof Linear ? [m] : [];
  return [...own, ...m.namedChildren().flatMap(([, c]) => linearLayers(c))];
}
