import type { KnobValue, MetricRow } from "../rows/types";
import { knobLabel } from "../rows/labels";

/**
 * Which value of each run is compared: its last recorded value ("final", the default), its best value over the run
 * ("best": the max when higher is better, else the min), or its value at a given step (a number).
 */
export type At = "final" | "best" | number;

/** One setting (a run name shared by its seeds) and the value each seed's run gives for the compared metric. */
export interface SettingValues {
  /** The run name in the rows, e.g. "optim.momentum=0.9". */
  run: string;
  /** A human label, e.g. "momentum 0.9" (from the sweep's knob and value; the run name otherwise). */
  label: string;
  knob?: string;
  knobValue?: KnobValue;
  /** seed → the compared value (NaN when that seed's run diverged or gave NaN/Inf). */
  bySeed: Map<number, number>;
  /** Seeds whose run diverged (NaN/Inf loss), in order. */
  diverged: number[];
}

/** The human label of a run: "momentum 0.9" for a sweep row, else the run name. */
export function settingLabel(row: Pick<MetricRow, "run" | "knob" | "knobValue">): string {
  if (row.knob !== undefined && row.knobValue !== undefined) return knobLabel(row.knob, row.knobValue);
  return row.run;
}

function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * Reads, for every setting and seed, the one value `compare` works with. Throws, naming what exists, when the
 * metric or split is unknown or a run never recorded the requested step.
 */
export function settingValues(
  rows: readonly MetricRow[],
  metric: string,
  split: string,
  at: At,
  higherIsBetter: boolean,
): SettingValues[] {
  const metrics = distinct(rows.map((r) => r.metric)).filter((m) => m !== "diverged");
  if (!metrics.includes(metric)) {
    throw new Error(`compare: no rows with metric "${metric}"; the rows have: ${metrics.join(", ") || "none"}`);
  }
  const matching = rows.filter((r) => r.metric === metric && r.split === split);
  if (!matching.length) {
    const splits = distinct(rows.filter((r) => r.metric === metric).map((r) => r.split));
    throw new Error(
      `compare: metric "${metric}" has no rows on split "${split}"; it is recorded on: ${splits.join(", ")}`,
    );
  }
  const divergedRuns = new Set(rows.filter((r) => r.metric === "diverged").map((r) => `${r.run}\u0000${r.seed}`));
  const byRun = new Map<string, { first: MetricRow; seeds: Map<number, MetricRow[]> }>();
  for (const r of matching) {
    let s = byRun.get(r.run);
    if (!s) byRun.set(r.run, (s = { first: r, seeds: new Map() }));
    const list = s.seeds.get(r.seed) ?? [];
    list.push(r);
    s.seeds.set(r.seed, list);
  }
  // A run that diverged before its first evaluation has no row of this metric: it still counts, as diverged.
  for (const key of divergedRuns) {
    const [run, seed] = key.split("\u0000");
    const s = byRun.get(run);
    if (s && !s.seeds.has(Number(seed))) s.seeds.set(Number(seed), []);
  }
  return [...byRun.entries()].map(([run, { first, seeds }]) => {
    const bySeed = new Map<number, number>();
    const diverged: number[] = [];
    for (const [seed, rs] of [...seeds.entries()].sort((a, b) => a[0] - b[0])) {
      if (divergedRuns.has(`${run}\u0000${seed}`)) {
        diverged.push(seed);
        bySeed.set(seed, NaN);
      } else {
        // A NaN/Inf value (a run that blew up without a "diverged" marker) counts as diverged too.
        const v = pick(rs, at, higherIsBetter, `${run} seed ${seed}`);
        if (!Number.isFinite(v)) diverged.push(seed);
        bySeed.set(seed, Number.isFinite(v) ? v : NaN);
      }
    }
    const out: SettingValues = { run, label: settingLabel(first), bySeed, diverged };
    if (first.knob !== undefined) out.knob = first.knob;
    if (first.knobValue !== undefined) out.knobValue = first.knobValue;
    return out;
  });
}

/** The value of one run's rows (already one metric on one split) at `at`. */
function pick(rs: MetricRow[], at: At, higherIsBetter: boolean, what: string): number {
  const sorted = [...rs].sort((a, b) => a.step - b.step);
  if (at === "final") return sorted[sorted.length - 1].value;
  if (at === "best") {
    const vs = sorted.map((r) => r.value);
    return higherIsBetter ? Math.max(...vs) : Math.min(...vs);
  }
  const hit = sorted.find((r) => r.step === at);
  if (hit) return hit.value;
  const steps = sorted.map((r) => r.step);
  const nearest = [...steps].sort((a, b) => Math.abs(a - at) - Math.abs(b - at)).slice(0, 3);
  throw new Error(
    `compare: run ${what} has no value at step ${at}; its nearest recorded steps are ${nearest.join(", ")}` +
      ` (of ${steps.length}, from ${steps[0]} to ${steps[steps.length - 1]})`,
  );
}
