import * as util from "util";
import type { KnobValue } from "../rows/types";
import { knobName } from "../rows/labels";
import { meanInterval, type MeanInterval } from "./interval";
import { pairedDifference, type DifferenceInterval } from "./difference";
import { settingValues, type SettingValues } from "./run-values";
import { higherIsBetterFor, type RowSource } from "./compare";
import { inspectMarkdown } from "./markdown-display";

/** Options of `compareAtEach`. */
export interface CompareAtEachOptions {
  /** The metric compared, e.g. "accuracy". */
  metric: string;
  /** Default "val". */
  split?: string;
  /** Names of the baseline and the treatment, e.g. ["without BN", "with BN"]. */
  names: [string, string];
  /** Default: inferred from the metric's name (accuracy: yes; loss: no). */
  higherIsBetter?: boolean;
  /** Default 0.95. */
  confidence?: number;
}

/** The verdict at one knob value: `compare`'s rule, or which side diverged. */
export type AtEachVerdict = "helped" | "hurt" | "within noise" | "diverged" | "baseline diverged" | "both diverged";

/** A chart point of `AtEachComparison.points()`: what `plot.pointsWithErrorBars` draws (a `BarRow`). */
export interface AtEachPoint {
  x: KnobValue;
  mean: number;
  lo: number;
  hi: number;
  group: string;
}

/** One knob value of `compareAtEach`: both sides over seeds and the paired difference treatment − baseline. */
export interface AtEachRow {
  knobValue: KnobValue;
  /** Mean with t interval over seeds, or undefined when a seed of that side diverged. */
  baseline?: MeanInterval;
  treatment?: MeanInterval;
  paired?: DifferenceInterval;
  seedsAgreeing?: number;
  seeds: number;
  verdict: AtEachVerdict;
}

/**
 * Two sweeps over the same knob values and seeds — a baseline (e.g. a net without BN) and a treatment (the same net
 * with BN) — compared **at each knob value**, paired by seed: "does BN help at this init scale? at this η?".
 * At each value the rule is `stats.compare`'s: the paired difference treatment − baseline with its t interval over
 * seeds, "helped"/"hurt" when the interval excludes 0 on the better/worse side, else "within noise". A side with a
 * diverged seed is not averaged: the verdict says which side diverged.
 *
 * @example
 *   const plain = await sweep(cfg, "optim.lr", LRS, { seeds: 5 }), bn = await sweep(cfgBn, "optim.lr", LRS, { seeds: 5 });
 *   stats.compareAtEach(plain, bn, { metric: "accuracy", names: ["without BN", "with BN"] })   // a Markdown table
 */
export function compareAtEach(baseline: RowSource, treatment: RowSource, o: CompareAtEachOptions): AtEachComparison {
  const split = o.split ?? "val";
  const confidence = o.confidence ?? 0.95;
  const higher = o.higherIsBetter ?? higherIsBetterFor(o.metric);
  const rowsOf = (src: RowSource) => ("rows" in src ? src.rows : src);
  // Every knob value that ran, in order: a value whose every seed diverged before an evaluation has no metric rows.
  const values = [...new Set([...rowsOf(baseline), ...rowsOf(treatment)].map((r) => r.knobValue))];
  const read = (src: RowSource) => {
    const found = new Map(settingValues(rowsOf(src), o.metric, split, "final", higher).map((s) => [s.knobValue, s]));
    return (v: KnobValue | undefined): SettingValues | undefined => {
      if (found.has(v)) return found.get(v);
      const diverged = [
        ...new Set(
          rowsOf(src)
            .filter((r) => r.knobValue === v && r.metric === "diverged")
            .map((r) => r.seed),
        ),
      ];
      if (!diverged.length) return undefined;
      return {
        run: String(v),
        label: String(v),
        knobValue: v,
        bySeed: new Map(diverged.map((x) => [x, NaN])),
        diverged,
      };
    };
  };
  const [baseAt, treatAt] = [read(baseline), read(treatment)];
  const base = values.map((v) => baseAt(v));
  const rows = values.map((v, i): AtEachRow => {
    const b = base[i];
    const t = treatAt(v);
    if (!b || !t) throw new Error(`compareAtEach: only one side has runs at ${String(v)}`);
    const seeds = [...b.bySeed.keys()];
    if (seeds.length !== t.bySeed.size || seeds.some((s) => !t.bySeed.has(s)))
      throw new Error(`compareAtEach: at ${String(b.knobValue)} the two sides ran different seeds; pair them`);
    const values = (s: SettingValues) => seeds.map((x) => s.bySeed.get(x)!);
    const side = (s: SettingValues) => (s.diverged.length ? undefined : meanInterval(values(s), confidence));
    const row: AtEachRow = { knobValue: b.knobValue!, seeds: seeds.length, verdict: "within noise" };
    row.baseline = side(b);
    row.treatment = side(t);
    if (!row.baseline || !row.treatment) {
      row.verdict = !row.baseline && !row.treatment ? "both diverged" : row.baseline ? "diverged" : "baseline diverged";
      return row;
    }
    const [tv, bv] = [values(t), values(b)];
    const d = pairedDifference(tv, bv, confidence);
    const sign = Math.sign(d.mean);
    row.paired = d;
    row.seedsAgreeing = sign === 0 ? 0 : tv.filter((v, i) => Math.sign(v - bv[i]) === sign).length;
    if (d.lo > 0) row.verdict = higher ? "helped" : "hurt";
    else if (d.hi < 0) row.verdict = higher ? "hurt" : "helped";
    return row;
  });
  const knob = rowsOf(baseline).find((r) => r.knob !== undefined)?.knob;
  return new AtEachComparison(o.metric, split, o.names, knob ? knobName(knob) : "setting", rows);
}

/** The result of `compareAtEach`: a Markdown table as a cell's last expression; `sentence()` for a takeaway. */
export class AtEachComparison {
  constructor(
    readonly metric: string,
    readonly split: string,
    readonly names: [string, string],
    readonly knob: string,
    readonly rows: AtEachRow[],
  ) {}

  private fmt(v: number, signed = false): string {
    const percent = /acc/i.test(this.metric);
    const s = (percent ? 100 * v : v).toFixed(percent ? 1 : 3);
    return (signed && v > 0 ? "+" : "") + s;
  }

  private interval(m?: MeanInterval): string {
    return m ? `${this.fmt(m.mean)} [${this.fmt(m.lo)}, ${this.fmt(m.hi)}]` : "diverged";
  }

  /** knob value | baseline mean [CI] | treatment mean [CI] | paired Δ [CI] | seeds agreeing | verdict. */
  table(): string {
    const [b, t] = this.names;
    const unit = /acc/i.test(this.metric) ? " (points)" : "";
    const head = [
      this.knob,
      `${b}: final ${this.split} ${this.metric}`,
      t,
      `${t} − ${b}${unit}, 95% CI`,
      "agree",
      "verdict",
    ];
    const lines = this.rows.map((r) => [
      String(r.knobValue),
      this.interval(r.baseline),
      this.interval(r.treatment),
      r.paired
        ? `${this.fmt(r.paired.mean, true)} [${this.fmt(r.paired.lo, true)}, ${this.fmt(r.paired.hi, true)}]`
        : "—",
      r.seedsAgreeing !== undefined ? `${r.seedsAgreeing}/${r.seeds}` : "—",
      r.verdict === "within noise" ? r.verdict : `**${r.verdict}**`,
    ]);
    return [head, head.map(() => "---"), ...lines].map((c) => `| ${c.join(" | ")} |`).join("\n");
  }

  /** One sentence: the knob values grouped by verdict, e.g. "with BN helped at init std 0.001, 1; within noise at 0.03." */
  sentence(): string {
    const groups = new Map<AtEachVerdict, string[]>();
    for (const r of this.rows) groups.set(r.verdict, [...(groups.get(r.verdict) ?? []), String(r.knobValue)]);
    const parts = [...groups.entries()].map(([v, ks]) => `${v} at ${this.knob} ${ks.join(", ")}`);
    return `${this.names[1]} vs ${this.names[0]} (final ${this.split} ${this.metric}, paired by seed): ${parts.join("; ")}.`;
  }

  /** Both sides' means with their 95% CIs as rows for `pointsWithErrorBars` (a diverged side has no point). */
  points(): AtEachPoint[] {
    return this.rows.flatMap((r) =>
      (
        [
          [r.baseline, this.names[0]],
          [r.treatment, this.names[1]],
        ] as const
      ).flatMap(([m, group]) => (m ? [{ x: r.knobValue, mean: m.mean, lo: m.lo, hi: m.hi, group }] : [])),
    );
  }

  toString(): string {
    return this.table();
  }

  [util.inspect.custom](depth: number): string {
    return inspectMarkdown(this.table(), depth);
  }
}
