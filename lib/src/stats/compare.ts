import * as util from "util";
import type { MetricRow } from "../rows/types";
import { inspectMarkdown } from "./markdown-display";
import { checkConfidence, meanInterval, type MeanInterval } from "./interval";
import { pairedDifference, welchDifference, type DifferenceInterval } from "./difference";
import { settingValues, type At, type SettingValues } from "./run-values";
import { markdownTable, sentence } from "./report";

/** The verdict on one setting against the baseline (see `compare` for the rule). */
export type Verdict = "helped" | "hurt" | "within noise" | "baseline" | "diverged";

/** One setting's numbers in a `Comparison`. */
export interface SettingResult {
  /** The run name in the rows. */
  run: string;
  /** A human label, e.g. "momentum 0.9". */
  label: string;
  /** The knob's dotted path and value, for rows from a sweep. */
  knob?: string;
  knobValue?: MetricRow["knobValue"];
  /** The seeds, in order, and the compared value of each (NaN for a diverged run). */
  seeds: number[];
  values: number[];
  /** Mean over seeds with its t confidence interval (NaN when a run diverged). */
  interval: MeanInterval;
  /** Paired by seed: this setting minus the baseline, with its t interval (absent for the baseline itself). */
  paired?: DifferenceInterval;
  /** Unpaired (Welch) difference, for contrast: what the same runs would show without pairing. */
  unpaired?: DifferenceInterval;
  /** How many seeds' differences have the sign of the mean difference (e.g. 5 of 5). */
  seedsAgreeing?: number;
  /** Seeds whose run diverged. */
  diverged: number[];
  verdict: Verdict;
}

/** Options of `compare`. */
export interface CompareOptions {
  /** The metric compared, e.g. "accuracy" or "loss". */
  metric: string;
  /** The split, e.g. "val" (default) or "train". */
  split?: string;
  /** The setting the others are compared to: a run name, a label ("momentum 0") or a knob value (0). Default: the first setting. */
  baseline?: string | number | boolean | null;
  /** What is compared per run: the final value (default), the best over the run, or the value at a step. */
  at?: At;
  /** Whether a higher value is better. Default: inferred from the metric (accuracy: yes; loss, error: no). */
  higherIsBetter?: boolean;
  /** The confidence level of every interval. Default 0.95. */
  confidence?: number;
}

/** Anything holding History rows: the rows themselves, a `History`, a sweep's result. */
export type RowSource = readonly MetricRow[] | { readonly rows: readonly MetricRow[] };

/** Whether a higher value of a metric is better, from its name; throws when the name does not say. */
export function higherIsBetterFor(metric: string): boolean {
  if (/acc|auc|f1|precision|recall|score/i.test(metric)) return true;
  if (/loss|err|nll|perplexity|dead|diverged/i.test(metric)) return false;
  throw new Error(`compare: cannot tell whether a higher "${metric}" is better; pass higherIsBetter: true or false`);
}

/**
 * Compares settings (knob values) over seeds, **paired by seed**, and gives each a verdict — the one statistics
 * protocol of every notebook.
 *
 * For each setting: the mean of the compared value over seeds with its t-based CI, and the paired difference
 * d_s = value(setting, seed s) − value(baseline, seed s) with its t CI, mean(d) ± t_{(1+c)/2, n−1}·std(d)/√n.
 * Pairing removes what a seed does to every setting alike (its data subset, batch order and initial weights),
 * so it detects effects much smaller than the seed-to-seed spread; the unpaired (Welch) interval is kept for contrast.
 *
 * **The rule.** "helped" when the paired CI lies entirely on the better side of 0, "hurt" when it lies entirely on
 * the worse side, "within noise" when it contains 0 (no claim either way). The baseline's verdict is "baseline";
 * a setting with a diverged run (NaN/Inf loss) is "diverged". `seedsAgreeing` (e.g. 4/5) is reported, not used.
 * At 95% confidence a verdict other than "within noise" is roughly a paired t-test with p < 0.05.
 *
 * Like `scipy.stats.ttest_rel` per setting, with its interval instead of a p-value.
 * @example
 *   const runs = await sweep(base, "optim.momentum", [0, 0.9], { seeds: 5 });
 *   const cmp = stats.compare(runs, { metric: "accuracy", split: "val", baseline: 0 });
 *   cmp               // shows the Markdown table as a cell's last expression
 *   cmp.sentence()    // "momentum 0.9 helped: val accuracy +3.1 points [+2.2, +4.0] over momentum 0, 5/5 seeds."
 */
export function compare(source: RowSource, options: CompareOptions): Comparison {
  const rows = Array.isArray(source) ? (source as readonly MetricRow[]) : (source as { rows: MetricRow[] }).rows;
  if (!rows || rows.length === 0)
    throw new Error("compare: no rows to compare (pass a sweep result, a History or its rows)");
  const split = options.split ?? "val";
  const at = options.at ?? "final";
  const confidence = options.confidence ?? 0.95;
  checkConfidence("compare", confidence);
  if (typeof at === "string" && at !== "final" && at !== "best") {
    throw new Error(`compare: at must be "final", "best" or a step number, got "${String(at)}"`);
  }
  const higherIsBetter = options.higherIsBetter ?? higherIsBetterFor(options.metric);
  const settings = settingValues(rows, options.metric, split, at, higherIsBetter);
  const base = findBaseline(settings, options.baseline);
  const baseSeeds = [...base.bySeed.keys()];
  if (baseSeeds.length < 2) {
    throw new Error(
      `compare: a confidence interval needs at least 2 seeds; baseline "${base.label}" has ${baseSeeds.length}`,
    );
  }
  if (base.diverged.length) {
    throw new Error(
      `compare: the baseline "${base.label}" diverged for seed(s) ${base.diverged.join(", ")}; choose a baseline that trains`,
    );
  }
  const baseValues = baseSeeds.map((s) => base.bySeed.get(s)!);
  const results = settings.map((s): SettingResult => {
    const seeds = [...s.bySeed.keys()];
    if (seeds.length !== baseSeeds.length || seeds.some((x) => !base.bySeed.has(x))) {
      throw new Error(
        `compare: pairing by seed is impossible: "${s.label}" has seeds [${seeds.join(", ")}] but the baseline ` +
          `"${base.label}" has [${baseSeeds.join(", ")}]; run every setting with the same seeds (a sweep does)`,
      );
    }
    const values = baseSeeds.map((x) => s.bySeed.get(x)!);
    const interval = meanInterval(values, confidence);
    const common = { run: s.run, label: s.label, seeds: baseSeeds, values, interval, diverged: s.diverged };
    const withKnob = s.knobValue !== undefined ? { ...common, knob: s.knob, knobValue: s.knobValue } : common;
    if (s === base) return { ...withKnob, verdict: "baseline" };
    if (s.diverged.length) return { ...withKnob, verdict: "diverged" };
    const paired = pairedDifference(values, baseValues, confidence);
    const unpaired = welchDifference(values, baseValues, confidence);
    const sign = Math.sign(paired.mean);
    const seedsAgreeing = sign === 0 ? 0 : values.filter((v, i) => Math.sign(v - baseValues[i]) === sign).length;
    return { ...withKnob, paired, unpaired, seedsAgreeing, verdict: verdictOf(paired, higherIsBetter) };
  });
  return new Comparison(options.metric, split, at, confidence, higherIsBetter, results);
}

function verdictOf(d: DifferenceInterval, higherIsBetter: boolean): Verdict {
  if (d.lo > 0) return higherIsBetter ? "helped" : "hurt";
  if (d.hi < 0) return higherIsBetter ? "hurt" : "helped";
  return "within noise";
}

function findBaseline(settings: SettingValues[], baseline: CompareOptions["baseline"]): SettingValues {
  if (baseline === undefined) return settings[0];
  const hit =
    settings.find((s) => s.run === baseline) ??
    settings.find((s) => s.label === baseline) ??
    settings.find((s) => s.knobValue === baseline) ??
    settings.find((s) => s.knobValue !== undefined && String(s.knobValue) === String(baseline));
  if (hit) return hit;
  const names = settings.map((s) =>
    s.knobValue !== undefined ? `${s.label} (knob value ${JSON.stringify(s.knobValue)})` : s.run,
  );
  throw new Error(
    `compare: baseline ${JSON.stringify(baseline)} matches no setting; the settings are: ${names.join(", ")}`,
  );
}

/**
 * The result of `compare`: one `SettingResult` per setting, in the rows' order. It shows itself as a Markdown table
 * when it is a cell's last expression; `table()` and `sentence()` give the text.
 */
export class Comparison {
  constructor(
    readonly metric: string,
    readonly split: string,
    readonly at: At,
    readonly confidence: number,
    readonly higherIsBetter: boolean,
    readonly settings: SettingResult[],
  ) {}

  /** The baseline's result. */
  get baseline(): SettingResult {
    return this.settings.find((s) => s.verdict === "baseline")!;
  }

  /** One setting's result, by label ("momentum 0.9"), run name or knob value (0.9). */
  get(setting: string | number | boolean | null): SettingResult {
    const hit =
      this.settings.find((s) => s.label === setting || s.run === setting) ??
      this.settings.find((s) => s.knobValue === setting);
    if (!hit) {
      throw new Error(
        `Comparison.get: no setting ${JSON.stringify(setting)}; the settings are: ${this.settings.map((s) => s.label).join(", ")}`,
      );
    }
    return hit;
  }

  /** The Markdown table: setting, n, mean [CI], paired difference [CI], seeds agreeing, verdict. */
  table(): string {
    return markdownTable(this);
  }

  /** One sentence per compared setting, from its verdict (one per line), or the one of a given setting. */
  sentence(setting?: string | number | boolean | null): string {
    return sentence(this, setting);
  }

  toString(): string {
    return this.table();
  }

  [util.inspect.custom](depth: number): string {
    return inspectMarkdown(this.table(), depth);
  }
}
