import type { MetricRow, PlotEvent } from "../rows/types";

/**
 * Where a run's learning rate changed, read from its History's "lr" rows (the η after each step), as plot events
 * for `curves(…, { events })`: one event per step at which any seed's η changed, labelled with the factor and how
 * many seeds changed there, e.g. "÷10 (3 seeds)" (just "÷10" for one seed), after an optional `name`. The step is the one *after which* the new η applies — for a
 * ReduceLROnPlateau run, the evaluation that decided the drop. `where` keeps only matching rows (e.g. one knob value).
 *
 * @example
 *   const drops = lrDrops(runs.rows, { knobValue: "plateau" });
 *   show(curves(runs.rows, { metric: "loss", split: "val", color: "knobValue", events: drops }));
 */
export function lrDrops(rows: readonly MetricRow[], where: Partial<MetricRow> = {}, name?: string): PlotEvent[] {
  const keys = Object.keys(where) as (keyof MetricRow)[];
  const last = new Map<string, number>();
  const changes = new Map<number, { factor: number; seeds: number }>();
  for (const r of rows) {
    if (r.metric !== "lr" || r.split !== "train" || !keys.every((k) => r[k] === where[k])) continue;
    const key = `${r.run}\u0000${r.seed}`;
    const before = last.get(key);
    last.set(key, r.value);
    if (before === undefined || before === r.value) continue;
    const c = changes.get(r.step - 1) ?? { factor: before / r.value, seeds: 0 };
    c.seeds++;
    changes.set(r.step - 1, c);
  }
  if (!last.size) throw new Error(`lrDrops: no "lr" rows on split "train" match ${JSON.stringify(where)}`);
  return [...changes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, c]) => ({
      x,
      label:
        (name ? `${name}: ` : "") +
        `${c.factor >= 1 ? "÷" : "×"}${Number((c.factor >= 1 ? c.factor : 1 / c.factor).toPrecision(3))}` +
        (c.seeds > 1 ? ` (${c.seeds} seeds)` : ""),
    }));
}
