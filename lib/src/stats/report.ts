import type { Comparison, SettingResult } from "./compare";
import { isPercentMetric, knobName } from "../rows/labels";

/**
 * How a comparison's numbers are written: accuracies in [0, 1] as percent (differences in points), everything
 * else as is; decimals chosen so the narrowest interval shows two significant digits.
 */
interface NumberStyle {
  scale: number;
  /** Suffix of a mean ("%" or ""). */
  meanUnit: string;
  /** Suffix of a difference in a sentence (" points" or ""). */
  diffUnit: string;
  decimals: number;
  /** The range the metric cannot leave: [0, 1] for an accuracy, [0, ∞) when every value is ≥ 0 (a loss). */
  bounds: [number, number];
}

function numberStyle(cmp: Comparison): NumberStyle {
  const all = cmp.settings.flatMap((s) => s.values).filter(Number.isFinite);
  const percent = isPercentMetric(cmp.metric, all);
  const scale = percent ? 100 : 1;
  const widths = cmp.settings.flatMap((s) => [s.interval.halfWidth, s.paired?.halfWidth ?? NaN]).map((w) => w * scale);
  const magnitude = Math.max(...all.map((v) => Math.abs(v * scale)), 1e-12);
  // Identical values give a width of rounding noise (~1e-17), not a real interval: ignore it.
  const real = widths.filter((w) => w > 1e-9 * magnitude && Number.isFinite(w));
  const decimals = real.length ? 1 - Math.floor(Math.log10(Math.min(...real))) : 3 - Math.floor(Math.log10(magnitude));
  return {
    scale,
    meanUnit: percent ? "%" : "",
    diffUnit: percent ? " points" : "",
    decimals: Math.min(6, Math.max(0, decimals)),
    bounds: [all.every((v) => v >= 0) ? 0 : -Infinity, percent ? 1 : Infinity],
  };
}

/**
 * A mean's interval cut at the metric's bounds: with few, spread seeds, mean ± t·s/√n can reach below 0% or above
 * 100%, where the mean cannot be. (Differences between settings are not cut: they may have either sign.)
 */
function meanRange(lo: number, hi: number, st: NumberStyle): string {
  return range(Math.max(lo, st.bounds[0]), Math.min(hi, st.bounds[1]), st, false);
}

function fmt(v: number, st: NumberStyle, signed = false): string {
  if (!Number.isFinite(v)) return String(v);
  const s = (v * st.scale).toFixed(st.decimals);
  const isZero = Number(s) === 0;
  return (signed && v > 0 && !isZero ? "+" : "") + (isZero ? s.replace(/^-/, "") : s);
}

function range(lo: number, hi: number, st: NumberStyle, signed: boolean): string {
  return `[${fmt(lo, st, signed)}, ${fmt(hi, st, signed)}]`;
}

/** "final val accuracy", "best val loss", "val loss at step 500". */
function measured(cmp: Comparison): string {
  const what = `${cmp.split} ${cmp.metric}`;
  if (cmp.at === "final") return `final ${what}`;
  if (cmp.at === "best") return `best ${what}`;
  return `${what} at step ${cmp.at}`;
}

function ciName(cmp: Comparison): string {
  return `${+(cmp.confidence * 100).toFixed(2)}% CI`;
}

/** The first column: the knob's values when every setting comes from the same knob, else the labels. */
function firstColumn(cmp: Comparison): { header: string; cells: string[] } {
  const knobs = new Set(cmp.settings.map((s) => (s.knobValue !== undefined ? s.knob : undefined)));
  const [only] = knobs;
  if (knobs.size === 1 && only !== undefined) {
    return { header: knobName(only), cells: cmp.settings.map((s) => String(s.knobValue)) };
  }
  return { header: "setting", cells: cmp.settings.map((s) => s.label) };
}

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/**
 * The comparison as a Markdown table: one row per setting with n, the mean and its CI, the paired difference to
 * the baseline and its CI, how many seeds agree in sign, and the verdict (bold when it is not "within noise").
 * @example showMarkdown(markdownTable(cmp))
 */
export function markdownTable(cmp: Comparison): string {
  const st = numberStyle(cmp);
  const first = firstColumn(cmp);
  const base = cmp.baseline;
  const ci = ciName(cmp);
  const header = [
    first.header,
    "seeds",
    `${measured(cmp)} (mean, ${ci})`,
    `paired Δ vs ${base.label}${st.diffUnit ? ` (${st.diffUnit.trim()})` : ""}, ${ci}`,
    "seeds agreeing",
    "verdict",
  ];
  const lines = cmp.settings.map((s, i) => {
    const mean = s.diverged.length
      ? `diverged (${s.diverged.length}/${s.seeds.length} seeds)`
      : `${fmt(s.interval.mean, st)}${st.meanUnit} ${meanRange(s.interval.lo, s.interval.hi, st)}`;
    const diff =
      s.paired && !s.diverged.length
        ? `${fmt(s.paired.mean, st, true)} ${range(s.paired.lo, s.paired.hi, st, true)}`
        : "—";
    const agree = s.seedsAgreeing !== undefined && !s.diverged.length ? `${s.seedsAgreeing}/${s.seeds.length}` : "—";
    const verdict = s.verdict === "within noise" || s.verdict === "baseline" ? s.verdict : `**${s.verdict}**`;
    return [first.cells[i], String(s.seeds.length), mean, diff, agree, verdict];
  });
  const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [row(header), row(header.map(() => "---")), ...lines.map(row)].join("\n");
}

/**
 * One sentence per compared setting, written from its verdict and numbers (the baseline gets none), e.g.
 * "momentum 0.9 helped: final val accuracy +3.1 points [+2.2, +4.0] vs momentum 0, 5/5 seeds agree."
 * "momentum 0.5 is within noise of momentum 0: final val accuracy +0.4 points [-0.3, +1.1], 3/5 seeds agree."
 */
export function sentences(cmp: Comparison, which: readonly SettingResult[] = cmp.settings): string[] {
  const st = numberStyle(cmp);
  const base = cmp.baseline;
  const what = measured(cmp);
  const ciNote = cmp.confidence === 0.95 ? "" : ` (${ciName(cmp)})`;
  return which
    .filter((s) => s.verdict !== "baseline")
    .map((s) => {
      if (s.verdict === "diverged") {
        return `${s.label} diverged on ${s.diverged.length}/${s.seeds.length} seeds, so its ${what} is not compared.`;
      }
      const d = s.paired!;
      const numbers = `${what} ${fmt(d.mean, st, true)}${st.diffUnit} ${range(d.lo, d.hi, st, true)}${ciNote}`;
      const agree = `${s.seedsAgreeing}/${s.seeds.length} seeds agree`;
      if (s.verdict === "within noise") return `${s.label} is within noise of ${base.label}: ${numbers}, ${agree}.`;
      return `${s.label} ${s.verdict}: ${numbers} vs ${base.label}, ${agree}.`;
    });
}

/**
 * The takeaway: one sentence per compared setting, one per line (`sentences`), or the sentence of one setting
 * (by label, run name or knob value).
 * @example console.log(stats.sentence(cmp))
 */
export function sentence(cmp: Comparison, setting?: string | number | boolean | null): string {
  if (setting === undefined) return sentences(cmp).join("\n");
  const s = cmp.get(setting);
  return sentences(cmp, [s])[0] ?? `${s.label} is the baseline.`;
}
