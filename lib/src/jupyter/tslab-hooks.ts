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

/**
 * Installs, once per process, the zeromq send fix and a SIGINT listener that raises the stop flag read by
 * `checkInterrupt()`. tslab's own SIGINT handler still runs (it ends the cell); ours lets async loops stop too.
 * Called automatically when nn-knobs is imported in a kernel; a no-op elsewhere and on re-imports.
 * @internal
 */
export function installKernelHooks(): boolean {
  const s = kernelState();
  if (s.hooksInstalled || !isInKernel()) return s.hooksInstalled;
  patchZeromqSend();
  process.on("SIGINT", () => {
    const st = kernelState();
    st.stopRequested = true;
    st.stopRequestedAt = Date.now();
    st.stopCell = currentWriter();
  });
  s.hooksInstalled = true;
  return true;
}
