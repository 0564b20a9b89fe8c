import { currentWriter, kernelState } from "./tslab-hooks";
import { StoppedByUser } from "../experiment/errors";

export { StoppedByUser };

/**
 * A stop request that arrives while no loop runs (e.g. interrupting a synchronous cell) must not stop a loop
 * started later: a request counts only in the cell that was running when it came, or for this many ms.
 */
const STOP_GRACE_MS = 3000;

/** Raises the stop flag, as the kernel's SIGINT listener does. For tests and for code that wants to cancel. */
export function requestStop(): void {
  const s = kernelState();
  s.stopRequested = true;
  s.stopRequestedAt = Date.now();
  s.stopCell = currentWriter();
}

/** @internal Lowers the stop flag without throwing (tests). */
export function clearStop(): void {
  kernelState().stopRequested = false;
}

/** @internal True when a (still valid) stop request is pending; drops stale requests. */
export function stopPending(): boolean {
  const s = kernelState();
  if (!s.stopRequested) return false;
  const sameCell = s.stopCell === currentWriter();
  if (sameCell || Date.now() - s.stopRequestedAt < STOP_GRACE_MS) return true;
  s.stopRequested = false;
  return false;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Call once per step in every async loop: yields to the event loop (so interrupts, live displays and output get
 * through) and throws `StoppedByUser` when a stop was requested, clearing the flag.
 * `partial` names where the caller keeps partial results, for the message (e.g. "history").
 * No torch equivalent (Python's KeyboardInterrupt does this); plain node honours `requestStop()` too.
 * @example for (let step = 0; step < steps; step++) { trainStep(); await checkInterrupt("history"); }
 */
export async function checkInterrupt(partial?: string): Promise<void> {
  await yieldToEventLoop();
  if (stopPending()) {
    clearStop();
    throw new StoppedByUser(partial);
  }
}
