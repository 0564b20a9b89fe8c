import type { Tensor } from "../tensor";
import type { Sequential } from "./sequential";
import { Activation } from "./activations";

/** One activation layer's count from `deadUnits`. */
export interface DeadUnitsRow {
  /** The activation layer's index in the Sequential. */
  index: number;
  /** 1 for the first activation layer, 2 for the second, … (the hidden layer's depth). */
  layer: number;
  name: string;
  /** Units whose input a[v] is ≤ 0 for every example of the probe batch. */
  dead: number;
  units: number;
  fraction: number;
}

/**
 * Counts the "dead" units of every activation layer on a fixed probe batch `x`: a unit is dead when its input a[v]
 * is ≤ 0 for every example. For ReLU that means o[v] = 0 and σ'(a[v]) = 0 on all of them: the lecture's unit that
 * "never recovers from 0 gradient" (on those data). For leaky ReLU and ELU the same units still pass a small
 * gradient (α, α·e^a), so the count says how many units sit on the flat side, not that they are stuck.
 * The model runs in evaluation mode (its previous mode is restored). Like counting zeros with forward hooks in torch.
 *
 * @example
 *   deadUnits(model, val.x.sliceRows(0, 500)).map((r) => `${r.name} ${r.dead}/${r.units}`)
 */
export function deadUnits(model: Sequential, x: Tensor): DeadUnitsRow[] {
  return activationInputs(model, x).map(({ index, name, a }, k) => {
    const dead = deadMask(a.data, a.rows, a.cols).reduce((s, v) => s + v, 0);
    return { index, layer: k + 1, name, dead, units: a.cols, fraction: dead / a.cols };
  });
}

/**
 * The fraction of all hidden units (every activation layer together) that are dead on the probe batch `x`
 * (see `deadUnits`); 0 for a model without activation layers.
 * @example deadUnitFraction(model, val.x) // 0.35: a third of the ReLUs output 0 for every validation image
 */
export function deadUnitFraction(model: Sequential, x: Tensor): number {
  const rows = deadUnits(model, x);
  const units = rows.reduce((s, r) => s + r.units, 0);
  return units ? rows.reduce((s, r) => s + r.dead, 0) / units : 0;
}

/**
 * Which units are dead on the probe batch `x`, per activation layer: mask[j] = 1 when unit j's input a[v] is ≤ 0
 * for every example (see `deadUnits`). For following single units over training, e.g. which dead units come back.
 * @example deadUnitMasks(model, x)[0].reduce((n, d) => n + d, 0) // dead units of the first hidden layer
 */
export function deadUnitMasks(model: Sequential, x: Tensor): Uint8Array[] {
  return activationInputs(model, x).map(({ a }) => deadMask(a.data, a.rows, a.cols));
}

/** Every activation layer's input a[v] on `x` (one forward pass in evaluation mode; the mode is restored). */
function activationInputs(model: Sequential, x: Tensor): { index: number; name: string; a: Tensor }[] {
  const wasTraining = model.training;
  model.eval();
  const out: { index: number; name: string; a: Tensor }[] = [];
  try {
    let h = x;
    model.layers.forEach((m, index) => {
      if (m instanceof Activation) out.push({ index, name: m.describe(), a: h });
      h = m.forward(h);
    });
  } finally {
    model.train(wasTraining);
  }
  return out;
}

/** mask[j] = 1 for the columns j of an n × c row-major matrix with every entry ≤ 0. */
function deadMask(d: ArrayLike<number>, n: number, c: number): Uint8Array {
  const dead = new Uint8Array(c).fill(1);
  for (let i = 0; i < n; i++) {
    const o = i * c;
    for (let j = 0; j < c; j++) if (d[o + j] > 0) dead[j] = 0;
  }
  return dead;
}
