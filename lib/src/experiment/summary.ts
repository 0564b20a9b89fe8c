import type { MetricRow, SummaryRow } from "../rows/types";

/**
 * Each run's last value of a metric, summarized over seeds per run (knob value): mean, sample std (n − 1, like
 * `torch.std`; 0 for one seed), min, max and the number of seeds — the numbers a takeaway quotes and `barChart` draws.
 */
export function finalSummary(rows: readonly MetricRow[], metric: string, split = "val"): SummaryRow[] {
  const last = new Map<string, MetricRow>(); // by run and seed
  for (const r of rows) if (r.metric === metric && r.split === split) last.set(`${r.run}\u0000${r.seed}`, r);
  if (!last.size) throw new Error(`finalSummary: no rows with metric "${metric}" and split "${split}"`);
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
