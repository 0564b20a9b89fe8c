import type { RunConfig } from "./config";
import { sweep, type SweepOptions, type SweepResult } from "./sweep";
import { configDiffLines } from "./config-diff";
import type { MetricRow } from "../rows/types";

/** A partial config: any nested subset of a `RunConfig`'s keys (arrays are replaced whole, not merged). */
export type ConfigPatch = {
  [K in keyof RunConfig]?: RunConfig[K] extends object ? Record<string, unknown> : RunConfig[K];
};

/** One rung of an ablation ladder: its name and the change it makes to the rung below it. */
export interface Rung {
  name: string;
  patch: ConfigPatch;
}

/** A rung with the full config it runs (the rung below it with its patch applied). */
export interface LadderStep {
  name: string;
  config: RunConfig;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * `base` with `patch` merged in, recursively: nested objects merge key by key, anything else (numbers, strings,
 * arrays) replaces. Neither input is changed. A patch value that is an object replaces a non-object (e.g. the
 * `init` "kaiming" ← `{ normalStd: 0.01 }`).
 * @example mergeConfig(cfg, { optim: { momentum: 0.9 } })   // cfg with momentum added, lr kept
 */
export function mergeConfig<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return structuredClone(patch) as T;
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(patch)) out[k] = isObject(v) && isObject(out[k]) ? mergeConfig(out[k], v) : v;
  return out as T;
}

/**
 * An ablation ladder: the base config, then each rung = the previous rung's config with one patch merged in —
 * "how much is each knob worth on top of the previous ones" (the lecture's summary slide, notebook 13).
 * @example
 *   ladder({ name: "naive", config: naive }, [
 *     { name: "+ reshuffle", patch: { data: { sampler: "reshuffle" } } },
 *     { name: "+ Kaiming", patch: { model: { init: "kaiming" } } },
 *   ]).map((s) => s.name)   // ["naive", "+ reshuffle", "+ Kaiming"]
 */
export function ladder(base: LadderStep, rungs: readonly Rung[]): LadderStep[] {
  const steps: LadderStep[] = [{ name: base.name, config: structuredClone(base.config) }];
  for (const r of rungs) {
    if (steps.some((s) => s.name === r.name)) throw new Error(`ladder: two rungs are named "${r.name}"`);
    steps.push({ name: r.name, config: mergeConfig(steps[steps.length - 1].config, r.patch) });
  }
  return steps;
}

/** One line per rung: its name and what it changes, read off the configs themselves. */
export function describeLadder(steps: readonly LadderStep[]): string {
  const width = Math.max(...steps.map((s) => s.name.length)) + 2;
  return steps
    .slice(1)
    .map((s, i) => `${s.name.padEnd(width)}${configDiffLines(steps[i].config, s.config).join("; ")}`)
    .join("\n");
}

/**
 * Trains every rung × seed (a `sweep` whose knob is the rung's name; every top-level key of the rung's config
 * follows it). Rows carry `knobValue` = the rung's name; for a given seed every rung sees the same batches
 * when the data config is the same, and the same data subset when `data.seed` fixes it.
 * @example const runs = await sweepLadder(steps, { seeds: 5 });
 */
export async function sweepLadder(
  steps: readonly LadderStep[],
  options: Omit<SweepOptions, "derive" | "label"> = {},
): Promise<SweepResult> {
  if (!steps.length) throw new Error("sweepLadder: give at least one rung");
  const byName = new Map(steps.map((s) => [s.name, s.config]));
  const keys = [...new Set(steps.flatMap((s) => Object.keys(s.config)))].filter((k) => k !== "name");
  const derive = Object.fromEntries(keys.map((k) => [k, (n: string) => (byName.get(n) as any)[k]]));
  return sweep(steps[0].config, "name", [...byName.keys()], { ...options, derive });
}

/**
 * What one rung's runs cost, as the median over its seeds of each run's last row: optimizer updates (`step`) and
 * wall-clock seconds (`time`; runs in worker threads share the cores, so compare rungs of the same sweep only).
 * @example rungCost(runs.rows, "+ batch 128")   // { updates: 320, seconds: 0.9 }
 */
export function rungCost(rows: readonly MetricRow[], rung: string): { updates: number; seconds: number } {
  const last = new Map<number, MetricRow>();
  for (const r of rows) {
    if ((r.knobValue ?? r.run) !== rung) continue;
    const prev = last.get(r.seed);
    if (!prev || r.step >= prev.step) last.set(r.seed, r);
  }
  if (!last.size) throw new Error(`rungCost: no rows for rung "${rung}"`);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const runs = [...last.values()];
  return { updates: median(runs.map((r) => r.step)), seconds: median(runs.map((r) => r.time ?? NaN)) };
}
