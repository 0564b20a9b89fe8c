import { sweep, type SweepOptions, type SweepResult } from "./sweep";
import type { RunConfig } from "./config";
import type { KnobValue, MetricRow } from "../rows/types";

/** One point of a grid: the value of each swept key, e.g. `{ "model.init": "kaiming", "optim.lr": 0.01 }`. */
export type GridSetting = Record<string, KnobValue>;

export interface GridSweepOptions extends Omit<SweepOptions, "derive" | "label"> {
  /** How a value of a key is named in labels (default: the value; objects as JSON), e.g. `initSchemeLabel`. */
  labels?: Record<string, (value: any) => string>;
  /**
   * Further config keys computed from each grid point's raw values, e.g. an evaluation interval that depends on the
   * batch size: `{ evalEvery: (p) => Math.ceil(128 / p["data.batchSize"]) }`.
   */
  derive?: Record<string, (point: Record<string, any>) => unknown>;
}

export interface GridSweepResult extends SweepResult {
  /** The swept keys, in the order given. */
  keys: string[];
  /** Every grid point's label (the rows' `knobValue`) and its setting, values named as in `labels`. */
  settings: { label: string; setting: GridSetting }[];
}

/**
 * Runs a base config over every combination of several knobs × seeds (a Cartesian grid), e.g. each init at each
 * learning rate — the way to give every compared setting its own good η. It is one `sweep` (same batches and,
 * for an unchanged model config, the same initial weights per seed; worker threads), whose knob value is the
 * grid point's label such as "relu · kaiming · 0.01".
 *
 * @example
 *   const grid = await sweepGrid(base, { "model.init": ["xavier", "kaiming"], "optim.lr": [0.003, 0.01] },
 *     { seeds: 5, labels: { "model.init": initSchemeLabel } });
 *   bestPerGroup(grid, { tune: "optim.lr", metric: "accuracy" }); // each init at its best η
 */
export async function sweepGrid(
  base: RunConfig,
  grid: Record<string, unknown[]>,
  options: GridSweepOptions = {},
): Promise<GridSweepResult> {
  const keys = Object.keys(grid);
  if (!keys.length || keys.some((k) => !grid[k]?.length)) {
    throw new Error(`sweepGrid: give at least one value for every key, got ${JSON.stringify(grid)}`);
  }
  const name = (k: string, v: unknown): KnobValue =>
    options.labels?.[k]
      ? options.labels[k](v)
      : typeof v === "object" && v !== null
        ? JSON.stringify(v)
        : (v as KnobValue);
  let points: { raw: Record<string, unknown>; setting: GridSetting }[] = [{ raw: {}, setting: {} }];
  for (const k of keys) {
    points = points.flatMap((p) =>
      grid[k].map((v) => ({ raw: { ...p.raw, [k]: v }, setting: { ...p.setting, [k]: name(k, v) } })),
    );
  }
  const settings = points.map((p) => ({ label: keys.map((k) => String(p.setting[k])).join(" · "), ...p }));
  const byLabel = new Map(settings.map((s) => [s.label, s]));
  if (byLabel.size !== settings.length) throw new Error("sweepGrid: two grid points have the same label");
  const derive = Object.fromEntries([
    ...keys.map((k) => [k, (label: string) => byLabel.get(label)!.raw[k]] as const),
    ...Object.entries(options.derive ?? {}).map(
      ([k, f]) => [k, (label: string) => f(byLabel.get(label)!.raw)] as const,
    ),
  ]);
  const { workers, seeds, live } = options;
  const result = await sweep(
    base,
    "name",
    settings.map((s) => s.label),
    { workers, seeds, live, derive },
  );
  return { ...result, keys, settings: settings.map(({ label, setting }) => ({ label, setting })) };
}

/** The rows of one grid point under a group's name: `knob` = the group's key when there is one, else none. */
function relabel(rows: readonly MetricRow[], from: string, group: string, knob: string | undefined): MetricRow[] {
  return rows
    .filter((r) => r.knobValue === from)
    .map((r) => {
      const { knob: _k, knobValue: _v, ...rest } = r;
      return knob ? { ...rest, run: `${knob}=${group}`, knob, knobValue: group } : { ...rest, run: group };
    });
}

export interface BestPerGroup {
  /** Per group (the grid point without the tuned key): the chosen value and the mean score that chose it. */
  choices: { group: string; value: KnobValue; score: number }[];
  /**
   * The rows of every group at its chosen value, ready for `stats.compare`: with one other key (e.g. the init),
   * `knob` is that key and `knobValue` the group; with several, `run` is the group's label.
   */
  rows: MetricRow[];
}

/**
 * Tunes one key of a grid per group: for each combination of the other keys, keeps the value of `tune` whose
 * final `metric` (mean over seeds) is best, and returns those runs' rows under the group's label — "each setting
 * at its own good η". Selecting on the same seeds that are then compared flatters every group alike (a small
 * optimistic bias; use other seeds for the final comparison when the margin is thin).
 * @example bestPerGroup(grid, { tune: "optim.lr", metric: "accuracy", split: "val" })
 */
export function bestPerGroup(
  grid: GridSweepResult,
  o: { tune: string; metric: string; split?: string; higherIsBetter?: boolean },
): BestPerGroup {
  if (!grid.keys.includes(o.tune)) {
    throw new Error(`bestPerGroup: "${o.tune}" is not a key of the grid (keys: ${grid.keys.join(", ")})`);
  }
  const higher = o.higherIsBetter ?? o.metric !== "loss";
  const finals = new Map(grid.final(o.metric, o.split ?? "val").map((s) => [s.knobValue, s.mean]));
  const groupOf = (s: GridSetting) =>
    grid.keys
      .filter((k) => k !== o.tune)
      .map((k) => String(s[k]))
      .join(" · ") || "all";
  const best = new Map<string, { label: string; value: KnobValue; score: number }>();
  for (const { label, setting } of grid.settings) {
    const score = finals.get(label);
    if (score === undefined || Number.isNaN(score)) continue;
    const g = groupOf(setting),
      cur = best.get(g);
    if (!cur || (higher ? score > cur.score : score < cur.score)) best.set(g, { label, value: setting[o.tune], score });
  }
  const choices = [...best.entries()].map(([group, b]) => ({ group, value: b.value, score: b.score }));
  const others = grid.keys.filter((k) => k !== o.tune);
  const knob = others.length === 1 ? others[0] : undefined;
  const rows = [...best.entries()].flatMap(([group, b]) => relabel(grid.rows, b.label, group, knob));
  return { choices, rows };
}

/**
 * Each run's last value of `metric` as one plain row per grid point and seed: the grid point's setting (dotted
 * keys), `seed` and `value` — what `seedPoints` draws.
 * @example gridFinals(grid, "accuracy") // [{ "model.init": "kaiming", "optim.lr": 0.01, seed: 0, value: 0.62 }, …]
 */
export function gridFinals(
  grid: GridSweepResult,
  metric: string,
  split = "val",
): (GridSetting & { seed: number; value: number })[] {
  const last = new Map<string, MetricRow>();
  for (const r of grid.rows) if (r.metric === metric && r.split === split) last.set(`${r.knobValue}\u0000${r.seed}`, r);
  if (!last.size) throw new Error(`gridFinals: no rows with metric "${metric}" and split "${split}"`);
  const byLabel = new Map(grid.settings.map((s) => [s.label, s.setting]));
  return [...last.values()].map((r) => ({ ...byLabel.get(String(r.knobValue))!, seed: r.seed, value: r.value }));
}
