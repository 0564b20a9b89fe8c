import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { isPercentMetric } from "../rows/labels";
import { plotConfig, titleWithNotes } from "./theme";

interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

/** What `dotPlot` reads of a `stats.compare` result (plot does not depend on stats; a Comparison fits this). */
export interface ComparisonLike {
  metric: string;
  split: string;
  at: "final" | "best" | number;
  confidence: number;
  baseline: { label: string; seeds: number[] };
  settings: { label: string; verdict: string; values: number[]; interval: Interval; paired?: Interval }[];
}

/** Options of `dotPlot`. */
export interface DotPlotOptions extends ChartOptions {
  /** "both" (default): means with CIs beside paired differences with CIs; or only one of the two panels. */
  show?: "both" | "mean" | "difference";
}

const SHOWN = { both: "mean and paired difference", mean: "mean", difference: "paired difference" };

/** Verdict colours (Okabe–Ito): helped green, hurt vermillion, within noise grey, baseline black. */
const VERDICTS = ["helped", "hurt", "within noise", "baseline"];
const VERDICT_COLOURS = ["#009E73", "#D55E00", "#888888", "#000000"];

/**
 * A comparison from `stats.compare` as a dot plot with CI whiskers, one row per setting: on the left each
 * setting's mean over seeds with its t CI; on the right the **paired** difference to the baseline with its CI and a
 * dashed zero line, coloured by verdict. A whisker clear of the zero line is a "helped"/"hurt" verdict. Dots
 * instead of bars: a bar starts at 0, which hides differences of a point or two. Accuracies are in percent
 * (differences in points). Diverged settings are left out and named in the subtitle.
 * @example dotPlot(stats.compare(runs, { metric: "accuracy", baseline: 0 }), { title: "momentum vs none" })
 */
export function dotPlot(cmp: ComparisonLike, opts: DotPlotOptions = {}): TopLevelSpec {
  const show = opts.show ?? "both";
  if (!["both", "mean", "difference"].includes(show)) {
    throw new Error(`dotPlot: show must be "both", "mean" or "difference", got "${String(show)}"`);
  }
  const percent = isPercentMetric(
    cmp.metric,
    cmp.settings.flatMap((s) => s.values),
  );
  const k = percent ? 100 : 1;
  const kept = cmp.settings.filter((s) => s.verdict !== "diverged");
  const diverged = cmp.settings.filter((s) => s.verdict === "diverged").map((s) => s.label);
  const labels = kept.map((s) => s.label);
  const rows = kept.flatMap((s) => {
    const mean = { panel: "mean", setting: s.label, verdict: s.verdict, value: s.interval.mean * k };
    const out = [{ ...mean, lo: s.interval.lo * k, hi: s.interval.hi * k }];
    const d = s.paired ?? { mean: 0, lo: 0, hi: 0 }; // the baseline sits at 0 in the difference panel
    out.push({ ...mean, panel: "difference", value: d.mean * k, lo: d.lo * k, hi: d.hi * k });
    return out;
  });
  const ci = `${+(cmp.confidence * 100).toFixed(2)}% CI`;
  const what = `${cmp.split} ${cmp.metric}${percent ? " (%)" : ""}`;
  const diffTitle = `paired Δ vs ${cmp.baseline.label}${percent ? " (points)" : ""}`;
  const y = { field: "setting", type: "nominal", title: null, sort: labels, scale: { domain: labels } };
  const color = {
    field: "verdict",
    type: "nominal",
    title: "verdict",
    sort: VERDICTS,
    scale: { domain: VERDICTS, range: VERDICT_COLOURS },
  };
  const tooltip = [
    { field: "setting" },
    { field: "value", type: "quantitative", format: ".4~g", title: "mean" },
    { field: "lo", type: "quantitative", format: ".4~g" },
    { field: "hi", type: "quantitative", format: ".4~g" },
    { field: "verdict" },
  ];
  const panel = (name: "mean" | "difference", title: string) => {
    const x = { type: "quantitative", title: `${title}, ${ci}`, scale: { zero: name === "difference" } };
    const layer: object[] = [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y, x: { ...x, field: "lo" }, x2: { field: "hi" }, color } },
      {
        mark: { type: "point", filled: true, size: 80, opacity: 1 },
        encoding: { y, x: { ...x, field: "value" }, color, tooltip },
      },
    ];
    if (name === "difference") {
      layer.unshift({
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [5, 4], color: "#888" },
        encoding: { x: { datum: 0 } },
      });
    }
    return { transform: [{ filter: { field: "panel", equal: name } }], width: 260, height: { step: 28 }, layer };
  };
  const panels = [
    ...(show !== "difference" ? [panel("mean", what)] : []),
    ...(show !== "mean" ? [panel("difference", diffTitle)] : []),
  ];
  const notes = diverged.length ? [`diverged, not shown: ${diverged.join(", ")}`] : [];
  const atText = cmp.at === "final" ? "final" : cmp.at === "best" ? "best" : `step ${cmp.at}`;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: plotConfig(),
    title: titleWithNotes(
      `${atText} ${cmp.split} ${cmp.metric}: ${SHOWN[show]} over ${cmp.baseline.seeds.length} seeds`,
      notes,
    ),
    data: { values: rows },
    ...(panels.length === 1 ? panels[0] : { hconcat: panels, resolve: { scale: { y: "shared" } } }),
  } as TopLevelSpec;
  return applyChartOptions("dotPlot", spec, opts);
}
