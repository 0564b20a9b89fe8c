import type { MetricRow } from "../rows/types";
import type { BarRow } from "../rows/types";
import { compare, type Comparison, type RowSource, type SettingResult } from "./compare";
import { sentences } from "./report";
import type { At } from "./run-values";

/** One rung of a compared ladder: its own mean and CI, and the paired step from the rung below it. */
export interface LadderRungResult {
  name: string;
  /** This rung's own values over seeds, with their mean and t interval. */
  result: SettingResult;
  /** The paired comparison with the rung below (absent for the first rung). */
  step?: SettingResult;
}

/** Options of `compareLadder`: as `compare`'s, without the baseline (each rung's baseline is the rung below). */
export interface LadderCompareOptions {
  metric: string;
  split?: string;
  at?: At;
  higherIsBetter?: boolean;
  confidence?: number;
}

const runOf = (r: MetricRow) => (r.knobValue !== undefined ? String(r.knobValue) : r.run);

/**
 * An ablation ladder judged rung by rung: each rung against the rung **below it**, paired by seed, with
 * `compare`'s rule (helped / hurt / within noise from the paired t interval). Rungs are named by the rows'
 * `knobValue` (as `sweepLadder` writes them) or run name, in the order given.
 * @example
 *   const lc = stats.compareLadder(runs, steps.map((s) => s.name), { metric: "accuracy" });
 *   showMarkdown(lc.table());  console.log(lc.sentences().join("\n"));
 */
export function compareLadder(
  source: RowSource,
  names: readonly string[],
  options: LadderCompareOptions,
): LadderComparison {
  if (names.length < 2) throw new Error("compareLadder: a ladder needs at least 2 rungs");
  const all = Array.isArray(source) ? (source as readonly MetricRow[]) : (source as { rows: MetricRow[] }).rows;
  // Relabel so each setting is named by its rung ("+ BN", not "name + BN").
  const rows = all.map(({ knob: _k, knobValue: _v, ...r }) => ({ ...r, run: runOf({ ...r, knobValue: _v }) }));
  const known = new Set(rows.map((r) => r.run));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length) {
    throw new Error(`compareLadder: no rows for ${missing.join(", ")}; the rows have: ${[...known].join(", ")}`);
  }
  const pair = (a: string, b: string): Comparison =>
    compare(
      rows.filter((r) => r.run === a || r.run === b),
      { ...options, baseline: a },
    );
  const first = pair(names[0], names[1]);
  const steps: LadderRungResult[] = [{ name: names[0], result: first.get(names[0]) }];
  const comparisons: Comparison[] = [];
  for (let i = 1; i < names.length; i++) {
    const c = i === 1 ? first : pair(names[i - 1], names[i]);
    comparisons.push(c);
    steps.push({ name: names[i], result: c.get(names[i]), step: c.get(names[i]) });
  }
  return new LadderComparison(options.metric, steps, comparisons);
}

/** The result of `compareLadder`. */
export class LadderComparison {
  constructor(
    readonly metric: string,
    readonly rungs: LadderRungResult[],
    /** One two-setting `Comparison` per step (rung i−1 → rung i). */
    readonly comparisons: Comparison[],
  ) {}

  /** A rung by name. */
  get(name: string): LadderRungResult {
    const hit = this.rungs.find((r) => r.name === name);
    if (!hit) throw new Error(`LadderComparison.get: no rung "${name}"; the rungs: ${this.rungNames().join(", ")}`);
    return hit;
  }

  rungNames(): string[] {
    return this.rungs.map((r) => r.name);
  }

  /** Rungs whose step from the rung below got this verdict. */
  withVerdict(verdict: SettingResult["verdict"]): string[] {
    return this.rungs.filter((r) => r.step?.verdict === verdict).map((r) => r.name);
  }

  /** Per rung: the mean and its CI (for `pointsWithErrorBars`), x = the rung's name. */
  bars(): BarRow[] {
    return this.rungs.map((r) => ({
      x: r.name,
      mean: r.result.interval.mean,
      lo: r.result.interval.lo,
      hi: r.result.interval.hi,
    }));
  }

  /**
   * The Markdown table of the steps: rung, paired Δ from the rung below with its CI, seeds agreeing, verdict, and
   * any extra columns (name → cell text per rung), e.g. `{ updates: (n) => String(updates[n]) }`.
   */
  table(extra: Record<string, (rung: string) => string> = {}): string {
    const pct = /acc/i.test(this.metric) && this.rungs.every((r) => r.result.values.every((v) => v >= 0 && v <= 1));
    const f = (v: number) => `${v > 0 ? "+" : ""}${(pct ? 100 * v : v).toFixed(pct ? 2 : 4)}`;
    const c = this.comparisons[0];
    const head = [
      "rung",
      `Δ ${c.split} ${this.metric}${pct ? " (points)" : ""} from the rung below, ${Math.round(100 * c.confidence)}% CI`,
      "seeds agreeing",
      "verdict",
      ...Object.keys(extra),
    ];
    const lines = this.rungs.map((r) => {
      const s = r.step;
      const d = s?.paired ? `${f(s.paired.mean)} [${f(s.paired.lo)}, ${f(s.paired.hi)}]` : "—";
      const agree = s?.seedsAgreeing !== undefined ? `${s.seedsAgreeing}/${s.seeds.length}` : "—";
      const v = !s ? "start" : s.verdict === "within noise" ? s.verdict : `**${s.verdict}**`;
      return [r.name, d, agree, v, ...Object.values(extra).map((g) => g(r.name))];
    });
    const row = (cells: string[]) => `| ${cells.map((x) => x.replace(/\|/g, "\\|")).join(" | ")} |`;
    return [row(head), row(head.map(() => "---")), ...lines.map(row)].join("\n");
  }

  /** One sentence per step, from its verdict: "+ BN helped: final val accuracy +0.6 points [...] vs + batch 128, …". */
  sentences(): string[] {
    return this.comparisons.flatMap((c) => sentences(c));
  }
}
