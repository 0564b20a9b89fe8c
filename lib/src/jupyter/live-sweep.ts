import type { Job, JobResult } from "../experiment/job";
import type { SweepView } from "../experiment/environment";
import type { MetricRow } from "../rows/types";
import { curves } from "../plot/curves";
import { plural } from "../plot/check";
import { isInKernel } from "./tslab-hooks";
import { liveDisplay } from "./live-display";

/**
 * @internal Whether the sweep's live loss chart needs a log y axis: when the finite positive losses span more than
 * 3 decades (a run exploding towards NaN, e.g. in a learning-rate sweep), a linear axis would flatten every other
 * curve to 0.
 */
export function sweepLiveLogY(rows: readonly MetricRow[]): boolean {
  let lo = Infinity;
  let hi = 0;
  for (const r of rows) {
    if (!(r.value > 0) || !Number.isFinite(r.value)) continue;
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  return hi / lo > 1e3;
}

/** The sweep's live display: finished runs' curves, titled with how many runs are done. */
export class LiveSweepView implements SweepView {
  private display?: ReturnType<typeof liveDisplay>;
  private steps = new Map<number, number>();
  private last = 0;
  private readonly started = performance.now();
  private readonly inKernel = isInKernel(); // once: progress() runs every step, and the lookup scans require.cache
  constructor(
    enabled: boolean,
    private jobs: readonly Job[],
    private results: readonly (JobResult | undefined)[],
  ) {
    if (enabled) this.display = liveDisplay();
  }
  progress(id: number, step: number): void {
    this.steps.set(id, step);
    if (performance.now() - this.last > (this.inKernel ? 300 : 5000)) this.refresh();
  }
  refresh(): void {
    if (!this.display) return;
    this.last = performance.now();
    const done = this.results.filter(Boolean).length;
    const running = [...this.steps.entries()]
      .filter(([id]) => !this.results[id])
      .map(([id, s]) => `${this.jobs[id].run} seed ${this.jobs[id].seed} @ step ${s}`);
    const title = `sweep: ${done}/${this.jobs.length} runs done${running.length ? " · " + running.join(" · ") : ""}`;
    const rows = this.results.flatMap((r) => r?.rows ?? []).filter((r) => r.metric === "loss" && r.split === "train");
    if (this.inKernel && rows.length > 1)
      this.display.update(
        curves(rows, {
          x: "step",
          metric: "loss",
          split: "train",
          color: "knobValue",
          band: "std",
          title,
          logY: sweepLiveLogY(rows),
        }),
      );
    else this.display.update(title);
  }
  /**
   * When every run finished, the progress chart ("sweep: 12/12 runs done") is replaced by one line of text, so a
   * saved notebook keeps no stale progress chart (the notebook plots the results itself). After an interrupt or
   * error the last progress chart stays: it shows what finished.
   */
  close(): void {
    if (this.display && this.jobs.length > 0 && this.results.every(Boolean)) {
      this.display.final(sweepSummary(this.jobs, this.results, (performance.now() - this.started) / 1000));
      return;
    }
    this.refresh();
    this.display?.close();
  }
}

/** "sweep over optim.lr: 12 runs (4 values × 3 seeds) in 8.3 s; 2 diverged". */
export function sweepSummary(
  jobs: readonly Job[],
  results: readonly (JobResult | undefined)[],
  seconds: number,
): string {
  const values = new Set(jobs.map((j) => j.run)).size;
  const seeds = new Set(jobs.map((j) => j.seed)).size;
  const diverged = results.filter((r) => r?.diverged).length;
  const failed = results.filter((r) => r?.error).length;
  const problems = [diverged ? `${diverged} diverged` : "", failed ? `${failed} failed` : ""].filter(Boolean);
  return (
    `sweep over ${jobs[0].knob}: ${jobs.length} runs (${plural(values, "values")} × ${plural(seeds, "seeds")}) ` +
    `in ${seconds.toFixed(1)} s` +
    (problems.length ? `; ${problems.join(", ")}` : "")
  );
}
