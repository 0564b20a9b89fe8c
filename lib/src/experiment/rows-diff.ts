import type { MetricRow } from "../rows/types";

/** What `rowsDiff` found: how many values both runs recorded, the largest |difference|, where they part. */
export interface RowsDiff {
  /** Values recorded by both runs (same step, epoch, split and metric). */
  compared: number;
  /** The largest |a − b| over the compared values (0 when identical). */
  maxAbs: number;
  /** The first step whose value differs (Infinity when none does). */
  firstStep: number;
  /** Values only one of the runs recorded. */
  onlyA: number;
  onlyB: number;
}

/**
 * Compares two runs' History rows value by value, keyed by (step, epoch, split, metric) — "is the resumed run the
 * uninterrupted one, bit for bit?". `keep` selects rows (e.g. only the training loss); run names, seeds and
 * wall-clock times are ignored.
 * @example rowsDiff(uninterrupted.rows, resumed.rows).maxAbs === 0
 */
export function rowsDiff(
  a: readonly MetricRow[],
  b: readonly MetricRow[],
  keep: (r: MetricRow) => boolean = () => true,
): RowsDiff {
  const key = (r: MetricRow) => `${r.step}|${r.epoch}|${r.split}|${r.metric}`;
  const [ka, kb] = [a.filter(keep), b.filter(keep)];
  const inB = new Map(kb.map((r) => [key(r), r.value]));
  let maxAbs = 0;
  let compared = 0;
  let firstStep = Infinity;
  for (const r of ka) {
    const v = inB.get(key(r));
    if (v === undefined) continue;
    compared++;
    if (!Object.is(r.value, v)) {
      maxAbs = Math.max(maxAbs, Math.abs(r.value - v));
      firstStep = Math.min(firstStep, r.step);
    }
  }
  return { compared, maxAbs, firstStep, onlyA: ka.length - compared, onlyB: kb.length - compared };
}
