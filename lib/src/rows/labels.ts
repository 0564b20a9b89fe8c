import type { KnobValue, MetricRow } from "./types";

/**
 * Human names for knobs in legends, facet headers and tables: never a raw config path.
 * "data.batchSize" → "batch size"; "optim.momentum" → "momentum"; "model.init" → "init".
 */
export function knobName(knob: string): string {
  const tail = knob.split(".").pop() ?? knob;
  return tail.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** "momentum 0.9" for a knob and its value. */
export function knobLabel(knob: string, value: KnobValue | undefined): string {
  return `${knobName(knob)} ${String(value ?? null)}`;
}

/**
 * A run name made readable: a sweep names runs "optim.momentum=0.9"; this gives "momentum 0.9". Other names
 * ("naive", "Adam lr=0.001") are kept as they are.
 */
export function humanRunName(run: string): string {
  const m = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)=(.*)$/.exec(run);
  return m ? `${knobName(m[1])} ${m[2]}` : run;
}

/** Whether a metric is shown in percent (differences in points): an accuracy whose values all lie in [0, 1]. */
export function isPercentMetric(metric: string, values: readonly number[]): boolean {
  return /acc/i.test(metric) && values.every((v) => !Number.isFinite(v) || (v >= 0 && v <= 1));
}

/**
 * Rows renamed for a legend or facet header: a sweep's run name "optim.momentum=0.9" becomes "momentum 0.9", and
 * when the rows hold several knobs each knob value carries its knob ("lr 0.1", "momentum 0.9"; the knob field is
 * then dropped so the values are told apart by their labels), or, when the knob itself is the key, its human name.
 */
export function withHumanNames(rows: readonly MetricRow[], knobIsKey = false): MetricRow[] {
  const manyKnobs = new Set(rows.map((r) => r.knob)).size > 1;
  return rows.map((r) => {
    const out: MetricRow = { ...r, run: humanRunName(r.run) };
    if (r.knob === undefined) return out;
    if (knobIsKey) out.knob = knobName(r.knob);
    else if (manyKnobs) {
      out.knobValue = knobLabel(r.knob, r.knobValue);
      delete out.knob;
    }
    return out;
  });
}
