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
  const wasTraining = model.training;
  model.eval();
  const rows: DeadUnitsRow[] = [];
  try {
    let h = x;
    model.layers.forEach((m, index) => {
      if (m instanceof Activation) {
        const dead = countDead(h.data, h.rows, h.cols);
        const layer = rows.length + 1;
        rows.push({ index, layer, name: m.describe(), dead, units: h.cols, fraction: dead / h.cols });
      }
      h = m.forward(h);
    });
  } finally {
    model.train(wasTraining);
  }
  return rows;
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

/** Columns j of an n × c row-major matrix with every entry ≤ 0. */
function countDead(d: ArrayLike<number>, n: number, c: number): number {
  const alive = new Uint8Array(c);
  for (let i = 0; i < n; i++) {
    const o = i * c;
    for (let j = 0; j < c; j++) if (d[o + j] > 0) alive[j] = 1;
  }
  let dead = 0;
  for (let j = 0; j < c; j++) if (!alive[j]) dead++;
  return dead;
}
