import type { MetricRow } from "../rows/types";

/**
 * A sweep's per-class rows (metric `"<metric>/class <k>"`, from `metrics: ["perClassAccuracy"]`) as rows of one
 * knob, the class: run `"class k"`, `knob: "class"`, `knobValue: k`, metric `<metric>`. Give it the rows of one
 * setting; `stats.compareAtEach` of two settings' rows then compares them class by class, paired by seed.
 */
export function perClassRows(rows: readonly MetricRow[], metric = "accuracy"): MetricRow[] {
  const re = new RegExp(`^${metric.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/class (\\d+)$`);
  const out = rows.flatMap((r) => {
    const m = re.exec(r.metric);
    if (!m) return [];
    const k = Number(m[1]);
    return [{ ...r, run: `class ${k}`, metric, knob: "class", knobValue: k }];
  });
  if (!out.length)
    throw new Error(`perClassRows: no "${metric}/class k" rows (run with metrics: ["perClassAccuracy"])`);
  return out;
}
