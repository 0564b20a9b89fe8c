import { run } from "./run";
import { TrainingDiverged, StoppedByUser } from "./errors";
import type { RunConfig } from "./config";
import type { MetricRow } from "../rows/types";

/** One run of a sweep: everything a worker thread needs, as plain JSON. */
export interface Job {
  id: number;
  config: RunConfig;
  seed: number;
  run: string;
  knob: string;
  knobValue: MetricRow["knobValue"];
}

export interface JobResult {
  rows: MetricRow[];
  /** Set when the run diverged (NaN/Inf loss): its rows stop there and a "diverged" row marks the step. */
  diverged?: string;
  error?: string;
}

/** Runs a job; a divergence is recorded (not thrown) so that one NaN run does not end a whole sweep. */
export async function runJob(job: Job, onStep?: (step: number) => void): Promise<JobResult> {
  try {
    const h = await run(job.config, {
      seed: job.seed,
      run: job.run,
      knob: job.knob,
      knobValue: job.knobValue,
      live: false,
      fitOptions: onStep ? { onStep: (i) => onStep(i.step) } : undefined,
    });
    return { rows: h.rows };
  } catch (e) {
    if (e instanceof TrainingDiverged && e.history) {
      const rows = [...e.history.rows];
      rows.push({
        run: job.run,
        seed: job.seed,
        step: e.step,
        epoch: 0,
        split: "train",
        metric: "diverged",
        value: e.step,
        knob: job.knob,
        knobValue: job.knobValue,
      });
      return { rows, diverged: e.message };
    }
    if (e instanceof StoppedByUser) throw e; // an interrupt ends the whole sweep, not just this run
    return { rows: [], error: e instanceof Error ? `${e.message}` : String(e) };
  }
}
