import * as os from "os";
import { History } from "./history";
import { recordFailure } from "./errors";
import { setPath, describeKnob, type RunConfig } from "./config";
import { checkSweptConfig, validateSweepOptions } from "./validate-sweep";
import { runJob, type Job, type JobResult } from "./job";
import { runInWorkers } from "./pool";
import { finalSummary } from "./summary";
import { loopEnvironment } from "./environment";
import type { MetricRow, SummaryRow } from "../rows/types";
import { aggregateSeeds, type BandRow } from "../rows/aggregate-seeds";

/**
 * Runs a base config over the values of one knob (a dotted key such as "optim.momentum") × several seeds — the
 * fair comparison the lecture's knobs need: for a given seed every value sees the same batches in the same order
 * and, when the model config is unchanged, the same initial weights.
 *
 * Runs go to worker threads (2 on a 2-core machine) when there are several; the rows are identical to a serial
 * sweep. A run whose loss becomes NaN is recorded (its rows stop, a "diverged" row marks the step), not thrown.
 *
 * @example
 *   const runs = await sweep(base, "optim.momentum", [0, 0.5, 0.9], { seeds: 3 });
 *   show(curves(runs.rows, { metric: "loss", split: "val", color: "knobValue", band: "std" }));
 *   runs.final("accuracy", "val");   // mean, std, min, max per momentum value
 */
export interface SweepOptions {
  /** A number of seeds (0..n-1) or the seeds themselves. Default 3. */
  seeds?: number | number[];
  /** Worker threads: a number, or "auto" (up to the number of cores, 1 for a single run). 1 = run serially in-process. */
  workers?: number | "auto";
  live?: boolean;
  /**
   * Other keys that follow the knob, e.g. `{ "optim.lr": (m) => 0.1 * (1 - m) }` keeps the effective step size
   * η/(1 − γ) fixed while sweeping the momentum γ.
   */
  derive?: Record<string, (knobValue: any) => unknown>;
  /** How a value is named in rows and legends (default: the value; objects as JSON), e.g. `initSchemeLabel`. */
  label?: (knobValue: any) => string;
}

export interface SweepResult {
  knob: string;
  values: unknown[];
  seeds: number[];
  /** The exact config each value ran, as plain JSON. */
  configs: { knobValue: unknown; config: RunConfig }[];
  rows: MetricRow[];
  history: History;
  /** Runs that diverged or failed, with the reason. */
  failures: { run: string; message: string }[];
  /** Mean ± std over seeds at every step, per knob value (what `curves` draws as line and band). */
  summary(metric: string, split?: string): BandRow[];
  /** Each run's last value summarized over seeds per knob value: mean, std, min, max, n. */
  final(metric: string, split?: string): SummaryRow[];
  seconds: number;
}

export async function sweep(
  base: RunConfig,
  knob: string,
  values: unknown[],
  options: SweepOptions = {},
): Promise<SweepResult> {
  if (!values.length) throw new Error("sweep: give at least one value for the knob");
  const seeds = validateSweepOptions(options);
  const configs = values.map((v) => {
    let config = setPath(base, knob, v);
    for (const [key, f] of Object.entries(options.derive ?? {})) config = setPath(config, key, f(v));
    checkSweptConfig(config, knob, v, options.derive);
    return { knobValue: v, config };
  });
  const jobs: Job[] = [];
  for (const { knobValue, config } of configs) {
    for (const seed of seeds) {
      const kv = options.label
        ? options.label(knobValue)
        : typeof knobValue === "object" && knobValue !== null
          ? JSON.stringify(knobValue)
          : knobValue;
      jobs.push({
        id: jobs.length,
        config,
        seed,
        run: options.label ? `${knob}=${kv}` : describeKnob(knob, knobValue),
        knob,
        knobValue: kv as MetricRow["knobValue"],
      });
    }
  }
  const workers =
    options.workers === undefined || options.workers === "auto"
      ? Math.min(os.cpus().length, jobs.length, 2)
      : Math.max(1, Math.floor(options.workers));
  const t0 = performance.now();
  const results: (JobResult | undefined)[] = new Array(jobs.length);
  const env = loopEnvironment();
  const view = env.sweepView(options.live ?? true, jobs, results);
  try {
    if (workers <= 1) {
      for (const job of jobs) {
        results[job.id] = await runJob(job, (step) => view.progress(job.id, step));
        view.refresh();
        await env.pause("error.history (the finished runs)");
      }
    } else {
      await runInWorkers(
        jobs,
        workers,
        (id, r) => {
          results[id] = r;
          view.refresh();
        },
        (id, step) => view.progress(id, step),
      );
    }
  } catch (e) {
    // Keep what finished: e.history holds the rows of the completed runs (also lastHistory()).
    throw recordFailure(e, new History(results.flatMap((r) => r?.rows ?? [])), 0, 0);
  } finally {
    view.close();
  }
  const rows = results.flatMap((r) => r?.rows ?? []);
  const failures = jobs.flatMap((j) => {
    const r = results[j.id];
    const message = r?.error ?? r?.diverged;
    return message ? [{ run: `${j.run} seed=${j.seed}`, message }] : [];
  });
  if (failures.length === jobs.length && results.every((r) => r?.error)) {
    throw new Error(`sweep: every run failed; the first: ${failures[0].message}`);
  }
  return {
    knob,
    values,
    seeds,
    configs,
    rows,
    history: new History(rows),
    failures,
    summary: (metric, split = "val") =>
      aggregateSeeds(
        rows.filter((r) => r.metric === metric && r.split === split),
        { x: "step", color: "knobValue", band: "std" },
      ),
    final: (metric, split = "val") => finalSummary(rows, metric, split),
    seconds: (performance.now() - t0) / 1000,
  };
}
