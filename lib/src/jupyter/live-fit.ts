import type { History } from "../experiment/history";
import type { FitHook } from "../experiment/hooks/hook";
import { StoppedByUser } from "../experiment/errors";
import { curves } from "../plot/curves";
import { isInKernel } from "./tslab-hooks";
import { liveDisplay } from "./live-display";

/**
 * The live view of a training run, as a fit hook: in a notebook, one display updated in place (at most 4 times a
 * second) with the loss curve so far, titled with a progress line; outside a kernel, a progress line every few
 * seconds. `fit` adds it unless `live: false`.
 */
export function liveFitView(): FitHook {
  let view: Progress | undefined;
  return {
    onStart: (s) => {
      view = new Progress(true, s.run, s.history, s.totalSteps);
    },
    onStep: (s, r) => view?.update(s.step, s.epoch, r.loss),
    onClose: (s, error) => {
      const note =
        error === undefined
          ? undefined
          : error instanceof StoppedByUser
            ? "STOPPED by user: rows so far in lastHistory()"
            : "FAILED (see the error)";
      view?.close(s.step, s.epoch, note);
    },
  };
}

class Progress {
  private display?: ReturnType<typeof liveDisplay>;
  private lastUpdate = 0;
  private readonly t0 = performance.now();
  private readonly interval: number;
  private note?: string;

  constructor(
    enabled: boolean,
    private readonly run: string,
    private readonly history: History,
    private readonly totalSteps: number,
  ) {
    this.interval = isInKernel() ? 250 : 5000;
    if (enabled) this.display = liveDisplay();
  }

  line(step: number, epoch: number, loss: number): string {
    const secs = (performance.now() - this.t0) / 1000;
    const val = this.history.last("accuracy", "val", this.run);
    const parts = [
      `${this.run}: step ${step}/${this.totalSteps}`,
      `epoch ${epoch}`,
      `loss ${loss.toFixed(4)}`,
      ...(Number.isNaN(val) ? [] : [`val acc ${(100 * val).toFixed(1)}%`]),
      `${secs.toFixed(1)} s`,
      ...(this.note ? [this.note] : []),
    ];
    return parts.join(" · ");
  }

  update(step: number, epoch: number, loss: number, force = false): void {
    if (!this.display) return;
    const now = performance.now();
    if (!force && now - this.lastUpdate < this.interval) return;
    this.lastUpdate = now;
    const title = this.line(step, epoch, loss);
    const rows = this.history.rows.filter((r) => r.run === this.run && r.metric === "loss");
    if (isInKernel() && rows.length > 1) {
      this.display.update(curves(rows, { x: "step", metric: "loss", color: "split", band: "none", title }));
    } else {
      this.display.update(title);
    }
  }

  /** Sends the final state; `note` (e.g. "stopped by user") is appended to the progress line. */
  close(step: number, epoch: number, note?: string): void {
    if (!this.display) return;
    this.note = note;
    const loss = this.history.last("loss", "train", this.run);
    this.update(step, epoch, loss, true);
    this.display.close();
  }
}
