import type { MetricRow, SummaryRow } from "../rows/types";

/**
 * Each run's last value of a metric, summarized over seeds per run (knob value): mean, sample std (n − 1, like
 * `torch.std`; 0 for one seed), min, max and the number of seeds — the numbers a takeaway quotes and `barChart` draws.
 * A run with a "diverged" row counts as NaN (the mean of its setting is NaN: bar charts name it as diverged).
 */
export function finalSummary(rows: readonly MetricRow[], metric: string, split = "val"): SummaryRow[] {
  const last = new Map<string, MetricRow>(); // by run and seed, in the order the runs appear
  let found = false;
  for (const r of rows) {
    const key = `${r.run}\u0000${r.seed}`;
    if (r.metric === metric && r.split === split) {
      found = true;
      last.set(key, r);
    }
    // A run that diverged has no final value: NaN (bar charts name it), even if it was evaluated before.
    if (r.metric === "diverged") last.set(key, { ...(last.get(key) ?? { ...r, metric, split }), value: NaN });
  }
  if (!found) throw new Error(`finalSummary: no rows with metric "${metric}" and split "${split}"`);
  const byRun = new Map<string, MetricRow[]>();
  for (const r of last.values()) byRun.set(r.run, [...(byRun.get(r.run) ?? []), r]);
  return [...byRun.entries()].map(([run, rs]) => {
    const v = rs.map((r) => r.value);
    const n = v.length;
    const mean = v.reduce((a, b) => a + b, 0) / n;
    const std = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
    const row: SummaryRow = { run, split, metric, mean, std, min: Math.min(...v), max: Math.max(...v), n };
    if (rs[0].knob !== undefined) row.knob = rs[0].knob;
    if (rs[0].knobValue !== undefined) row.knobValue = rs[0].knobValue;
    return row;
  });
}
