import { Worker } from "worker_threads";

/**
 * A second thread for the wasm GEMM: a worker_threads Worker that instantiates the same module on the same shared
 * linear memory and computes the part of C it is handed. Hand-off is through a SharedArrayBuffer with Atomics (no
 * messages, no copies): the caller posts a job, computes its own part, then calls `finish()`. If the helper has not
 * picked the job up by then (still starting, or its core is busy), `finish()` takes it back and the caller runs it
 * itself, so a slow or missing helper never makes a product slower than one thread.
 * Each entry of C is computed by exactly one thread, in the same order as on one thread: results are bit-identical.
 */

// Slot 0 of the control array: the job's state. Slots 1..14: the 14 arguments of the wasm `gemm` export.
const IDLE = 0;
const POSTED = 1;
const RUNNING = 2;
const FAILED = 3;
const ARGS = 14;

const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
const { module, memory, control } = workerData;
const ctl = new Int32Array(control);
const abort = () => { throw new Error("wasm gemm: abort"); };
const ex = new WebAssembly.Instance(module, { env: { memory, abort } }).exports;
for (;;) {
  Atomics.wait(ctl, 0, ${IDLE});
  if (Atomics.compareExchange(ctl, 0, ${POSTED}, ${RUNNING}) !== ${POSTED}) continue; // taken back by the caller
  let state = ${IDLE};
  try {
    ex.gemm(${Array.from({ length: ARGS }, (_, i) => `ctl[${i + 1}]`).join(", ")});
  } catch (e) {
    state = ${FAILED};
  }
  Atomics.store(ctl, 0, state);
  Atomics.notify(ctl, 0);
}
`;

export class GemmHelper {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * (ARGS + 1)));
  private readonly worker: Worker;

  constructor(module: object, memory: object) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control: this.ctl.buffer } });
    this.worker.unref(); // never keeps the process alive
    this.worker.on("error", () => {}); // a failed helper only means the caller computes everything itself
  }

  /** Hands the helper a job: the 14 arguments of the wasm `gemm` export. Returns at once. */
  post(args: number[]): void {
    for (let i = 0; i < ARGS; i++) this.ctl[i + 1] = args[i];
    Atomics.store(this.ctl, 0, POSTED);
    Atomics.notify(this.ctl, 0);
  }

  /** After the caller's own part: true if the job was taken back (the caller must run it), false once it is done. */
  finish(): boolean {
    if (Atomics.compareExchange(this.ctl, 0, POSTED, IDLE) === POSTED) return true;
    let state: number;
    while ((state = Atomics.load(this.ctl, 0)) === RUNNING) Atomics.wait(this.ctl, 0, RUNNING);
    if (state === FAILED) {
      Atomics.store(this.ctl, 0, IDLE);
      throw new Error("wasm gemm: the helper thread failed");
    }
    return false;
  }

  /** Stops the worker (tests; the process exits without it). */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
