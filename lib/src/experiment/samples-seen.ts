import type { MetricRow } from "../rows/types";

/**
 * Adds `samples`, the training samples seen so far, to History rows: the x axis on which minibatch sizes compare at
 * equal cost (the lecture: a batch of m costs m backprops). With n training examples and batches of m, an epoch has
 * ⌈n/m⌉ steps and its last batch holds n − (⌈n/m⌉ − 1)·m examples (all batches full with `dropLast`, ⌊n/m⌋ steps).
 * `batchSize` is a number, or a function of the row for a sweep over the batch size (`(r) => r.knobValue`).
 * @example
 *   const runs = await sweep(base, "data.batchSize", [8, 32, 128], { seeds: 3 });
 *   curves(withSamplesSeen(runs.rows, 2000, (r) => r.knobValue as number), { x: "samples", split: "val" });
 */
export function withSamplesSeen(
  rows: readonly MetricRow[],
  trainSize: number,
  batchSize: number | ((row: MetricRow) => number),
  options: { dropLast?: boolean } = {},
): MetricRow[] {
  if (!(Number.isInteger(trainSize) && trainSize >= 1)) {
    throw new Error(`withSamplesSeen: trainSize = ${trainSize} must be an integer ≥ 1`);
  }
  return rows.map((row) => {
    const m = typeof batchSize === "function" ? batchSize(row) : batchSize;
    if (!(Number.isInteger(m) && m >= 1)) throw new Error(`withSamplesSeen: batch size ${m} must be an integer ≥ 1`);
    if (options.dropLast && m > trainSize) {
      throw new Error(`withSamplesSeen: with dropLast, batch size ${m} > trainSize ${trainSize} gives no steps`);
    }
    const perEpoch = options.dropLast ? Math.floor(trainSize / m) : Math.ceil(trainSize / m);
    const epochSize = options.dropLast ? perEpoch * m : trainSize;
    const epochs = Math.floor(row.step / perEpoch);
    const inEpoch = row.step - epochs * perEpoch;
    return { ...row, samples: epochs * epochSize + Math.min(inEpoch * m, epochSize) };
  });
}
