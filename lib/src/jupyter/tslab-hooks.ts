/**
 * The only place that reaches into tslab's internals (tslab 1.0.22, a peer dependency). We find tslab's own
 * module objects in `require.cache`, so we talk to the copy that runs this kernel, not to a second copy.
 * See TSLAB.md in the design notes for why each hook exists; each one was measured there.
 */

/** A Jupyter display message body: a mime bundle, metadata and (for updatable outputs) a display id. */
export interface DisplayMessage {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: { display_id: string };
}

type Writer = (msg: DisplayMessage, isUpdate: boolean) => void;

/** Per-kernel state shared by every copy of nn-knobs loaded in the process (hence a global symbol). */
export interface KernelState {
  hooksInstalled: boolean;
  stopRequested: boolean;
  stopRequestedAt: number;
  /** The display writer of the cell that was running when the stop was requested (null outside a kernel). */
  stopCell: unknown;
  displayCounter: number;
}

const STATE_KEY = Symbol.for("nn-knobs.kernel-state");

/** The process-wide state, created on first use. */
export function kernelState(): KernelState {
  const g = globalThis as unknown as Record<symbol, KernelState | undefined>;
  let s = g[STATE_KEY];
  if (!s) {
    s = { hooksInstalled: false, stopRequested: false, stopRequestedAt: 0, stopCell: null, displayCounter: 0 };
    g[STATE_KEY] = s;
  }
  return s;
}

const cachedModules = new Map<RegExp, NodeJS.Module | null>();

function findLoadedModule(idPattern: RegExp, hasExport: string): NodeJS.Module | null {
  const hit = cachedModules.get(idPattern);
  if (hit) return hit;
  const mod = Object.values(require.cache).find(
    (m) => m !== undefined && idPattern.test(m.id) && m.exports && hasExport in m.exports,
  );
  if (mod) cachedModules.set(idPattern, mod);
  return mod ?? null;
}

const JUPYTER_JS = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;
const ZEROMQ_JS = /[\\/]zeromq[\\/]lib[\\/]index\.js$/;

/** tslab's display writer for the cell running now (tslab replaces it at the start of every cell), or null. */
export function currentWriter(): Writer | null {
  const mod = findLoadedModule(JUPYTER_JS, "lastWriteDisplayData");
  const w = mod?.exports.lastWriteDisplayData;
  return typeof w === "function" ? (w as Writer) : null;
}

/**
 * True when this code runs in a tslab kernel's main thread (a cell, or library code called from a cell).
 * False in plain node, vitest and worker threads (they have their own module cache).
 * @example if (!isInKernel()) console.log("printing text instead of charts");
 */
export function isInKernel(): boolean {
  return currentWriter() !== null;
}

/** Sends one display_data (or update_display_data) message to the running cell; false outside a kernel. */
export function sendDisplay(msg: DisplayMessage, isUpdate = false): boolean {
  const write = currentWriter();
  if (!write) return false;
  write(msg, isUpdate);
  return true;
}

/** A fresh display id for live displays. */
export function newDisplayId(): string {
  const s = kernelState();
  s.displayCounter += 1;
  return `nn-knobs-${process.pid}-${Date.now().toString(36)}-${s.displayCounter}`;
}

/**
 * zeromq's Publisher throws "Socket is busy writing" after ~512 queued sends without the event loop turning,
 * after which output and even the final `idle` get lost. Never blocking (sendTimeout 0) with a high water mark
 * big enough for bursts fixes it. Patched once on the prototype, so it covers tslab's iopub socket.
 */
function patchZeromqSend(): boolean {
  const z = findLoadedModule(ZEROMQ_JS, "Publisher");
  const Pub = z?.exports.Publisher as { prototype: Record<string, unknown> } | undefined;
  if (!Pub) return false;
  const send = Pub.prototype.send as (...a: unknown[]) => unknown;
  Object.defineProperty(Pub.prototype, "send", {
    configurable: true,
    writable: true,
    value(this: { sendTimeout: number; sendHighWaterMark: number }, ...a: unknown[]) {
      if (this.sendTimeout !== 0) {
        this.sendTimeout = 0;
        this.sendHighWaterMark = 100000;
      }
      return send.apply(this, a);
    },
  });
  return true;
}

interface ExecuteHandler {
  execQueue: { add<T>(task: () => Promise<T>): Promise<T> };
  handleExecuteImpl(req: unknown, ...writers: unknown[]): Promise<{ count: number }>;
}
type HandleExecute = (
  this: ExecuteHandler,
  req: { stop_on_error?: boolean },
  ...writers: unknown[]
) => Promise<unknown>;

/**
 * tslab aborts every request queued in the 200 ms after an error, even when the client sent `stop_on_error: false`
 * (JupyterLab does for cells tagged `raises-exception`, as the homework check cells are; graders do for every
 * cell). This honours the flag: such a request's error does not abort the cells queued after it, so "Run All"
 * goes on past a failed exercise check. Requests with the default `stop_on_error: true` behave as before.
 */
function patchStopOnError(): boolean {
  const mod = findLoadedModule(JUPYTER_JS, "JupyterHandlerImpl");
  const proto = mod?.exports.JupyterHandlerImpl?.prototype as { handleExecute: HandleExecute } | undefined;
  if (!proto) return false;
  const original = proto.handleExecute;
  proto.handleExecute = async function (this: ExecuteHandler, req, ...writers) {
    if (req.stop_on_error !== false) return original.call(this, req, ...writers);
    // tslab's queue cancels every task after a rejected one: settle our task so that the queue stays usable
    const settled = (): Promise<{ count?: number; error?: unknown }> =>
      this.handleExecuteImpl(req, ...writers).then(
        (c) => ({ count: c.count }),
        (error) => ({ error }),
      );
    try {
      const r = await this.execQueue.add(settled);
      if (r.error === undefined) return { status: "ok", execution_count: r.count };
      const count = (r.error as { count?: unknown } | null)?.count; // tslab throws its ExecutionCount on an error
      if (typeof count === "number") return { status: "error", execution_count: count };
      console.error("unexpected error:", r.error);
      return { status: "error", execution_count: undefined };
    } catch {
      return { status: "abort", execution_count: undefined }; // an earlier cell's error cancelled this one
    }
  };
  return true;
}

/**
 * Installs, once per process, the zeromq send fix, tslab's missing `stop_on_error: false`, and a SIGINT listener
 * that raises the stop flag read by `checkInterrupt()`. tslab's own SIGINT handler still runs (it ends the cell); ours lets async loops stop too.
 * Called automatically when nn-knobs is imported in a kernel; a no-op elsewhere and on re-imports.
 * @internal
 */
export function installKernelHooks(): boolean {
  const s = kernelState();
  if (s.hooksInstalled || !isInKernel()) return s.hooksInstalled;
  patchZeromqSend();
  patchStopOnError();
  process.on("SIGINT", () => {
    const st = kernelState();
    st.stopRequested = true;
    st.stopRequestedAt = Date.now();
    st.stopCell = currentWriter();
  });
  s.hooksInstalled = true;
  return true;
}
