import { isMainThread } from "worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { chartBundle, describeSpec } from "./chart-bundle";
import { Chart } from "./display";
import { isInKernel, newDisplayId, sendDisplay, type DisplayMessage } from "./tslab-hooks";

/** What a live display can show: a chart (spec or `Chart`) or a line of text such as "epoch 3/10  loss 0.41". */
export type LiveContent = TopLevelSpec | Chart | string;

/** Options of `liveDisplay`. */
export interface LiveDisplayOptions {
  /** Minimum time between two updates that are actually sent (default 100 ms in a kernel = ≤ 10/s, 1000 ms in a terminal). */
  minIntervalMs?: number;
}

/**
 * One output area updated in place while a loop runs (a Jupyter display id + update_display_data), throttled so
 * that thousands of `update()` calls cost almost nothing; `close()` (or `final(x)`) always sends the last state.
 * Intermediate chart updates carry the Vega-Lite JSON and text; the last one also the PNG, for static viewers.
 * Outside a kernel it prints throttled text lines (nothing in a worker thread). Like tqdm + IPython's
 * `display(..., display_id=True).update(...)`. Timed flushes need the event loop: await `checkInterrupt()` each step.
 * @example const live = liveDisplay();
 *   for (let s = 0; s < 1000; s++) { live.update(`step ${s}`); await checkInterrupt(); }
 *   live.close();
 */
export class LiveDisplay {
  readonly displayId = newDisplayId();
  /** How many updates were actually sent or printed (the rest were merged by the throttle). */
  sent = 0;
  private readonly minIntervalMs: number;
  private readonly inKernel = isInKernel();
  private lastSentAt = -Infinity;
  private pending: LiveContent | undefined;
  /** A chart last sent without its PNG (an intermediate update), so that close() can resend it as final. */
  private unfinished: TopLevelSpec | Chart | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LiveDisplayOptions = {}) {
    this.minIntervalMs = options.minIntervalMs ?? (this.inKernel ? 100 : 1000);
    if (!(this.minIntervalMs >= 0)) throw new Error(`Invalid minIntervalMs: ${options.minIntervalMs}`);
  }

  /** Shows `x` now if the last update is old enough, else keeps it and sends it on the next turn of the throttle. */
  update(x: LiveContent): void {
    const wait = this.lastSentAt + this.minIntervalMs - Date.now();
    if (wait <= 0 && this.timer === undefined) {
      this.send(x, false);
      return;
    }
    this.pending = x;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(false), Math.max(0, wait));
      this.timer.unref?.();
    }
  }

  /** Sends `x` at once as the final state and closes the display. */
  final(x: LiveContent): void {
    this.pending = x;
    this.close();
  }

  /**
   * Sends the pending state at once, with the PNG for charts, and stops the timer. With nothing pending, a chart
   * already sent as an intermediate update (Vega-Lite only) is sent again with its PNG, so static viewers see it.
   */
  close(): void {
    if (this.pending === undefined) this.pending = this.unfinished;
    this.flush(true);
  }

  private flush(isFinal: boolean): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const x = this.pending;
    this.pending = undefined;
    if (x !== undefined) this.send(x, isFinal);
  }

  private send(x: LiveContent, isFinal: boolean): void {
    this.lastSentAt = Date.now();
    if (!this.inKernel) {
      if (isMainThread) console.log(typeof x === "string" ? x : describeSpec(x instanceof Chart ? x.spec : x));
      this.sent += 1;
      return;
    }
    this.unfinished = isFinal || typeof x === "string" ? undefined : x;
    const msg: DisplayMessage = { ...this.bundle(x, isFinal), transient: { display_id: this.displayId } };
    sendDisplay(msg, this.sent > 0);
    this.sent += 1;
  }

  private bundle(x: LiveContent, isFinal: boolean): Omit<DisplayMessage, "transient"> {
    if (typeof x === "string") return { data: { "text/plain": x }, metadata: {} };
    const spec = x instanceof Chart ? x.spec : x;
    if (isFinal) return chartBundle(spec);
    return { data: { "application/vnd.vegalite.v5+json": spec, "text/plain": describeSpec(spec) }, metadata: {} };
  }
}

/**
 * Creates a `LiveDisplay` (see there).
 * @example const live = liveDisplay(); live.update(lossChart(history.rows)); live.close();
 */
export function liveDisplay(options?: LiveDisplayOptions): LiveDisplay {
  return new LiveDisplay(options);
}
