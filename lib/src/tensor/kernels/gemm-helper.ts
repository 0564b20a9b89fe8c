import { MessageChannel, Worker, type MessagePort } from "worker_threads";

/**
 * A second thread for the wasm GEMM: a worker_threads Worker that instantiates the same module on the same shared
 * linear memory. Hand-off is through a SharedArrayBuffer with Atomics (no messages, no copies): the caller posts a
 * product cut into a few slices of C, and both threads take slices from a shared counter until none is left
 * (`share`). A helper that is late (still starting, or its core busy with other work) simply takes fewer slices,
 * or none: the caller then waits at most for the one slice the helper holds, so a slow helper costs little.
 * Each entry of C is computed by exactly one thread, in the same order as on one thread: results are bit-identical.
 */

// The control array: [0] the job's state, [1..14] the 14 arguments of the wasm `gemm` export (the whole product,
// with the helper's work buffer), then the slicing: next slice to take, slice count, 1 if slices cut N (else M),
// slice size, slices the helper computed; then which memory the product is in (0: the GEMM's own; others: an
// optimizer's memory where parameters live, announced once through a MessagePort).
const IDLE = 0;
const POSTED = 1;
const RUNNING = 2;
const FAILED = 3;
const ARGS = 14;
const [NEXT, SLICES, SPLIT_N, SIZE, HELPED, MEMORY] = [15, 16, 17, 18, 19, 20];
/**
 * How long each thread spins on the control word before it sleeps in Atomics.wait, in ms. Waking a sleeping thread
 * goes through the OS (and, on a virtual machine, the hypervisor): measured here 0.05–1.5 ms, as long as a whole
 * product. During training the next product comes within a fraction of a millisecond, so a helper that spins a
 * little after each product starts the next one at once; when training stops it falls asleep after SPIN_MS.
 */
const SPIN_MS = 1;

const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require("worker_threads");
const { module: mod, memory, control, port } = workerData;
const ctl = new Int32Array(control);
const abort = () => { throw new Error("wasm gemm: abort"); };
const instance = (m) => new WebAssembly.Instance(mod, { env: { memory: m, abort } }).exports;
const instances = new Map([[0, instance(memory)]]); // memory id → the gemm module on that memory
const drain = () => { // memories announced ({ id, memory }) or gone ({ forget: id }) since the last product
  for (let m; (m = receiveMessageOnPort(port)); ) {
    if (m.message.forget !== undefined) instances.delete(m.message.forget);
    else instances.set(m.message.id, instance(m.message.memory));
  }
};
for (;;) {
  const t0 = performance.now();
  while (Atomics.load(ctl, 0) === ${IDLE} && performance.now() - t0 < ${SPIN_MS}); // spin, then sleep
  Atomics.wait(ctl, 0, ${IDLE});
  if (Atomics.compareExchange(ctl, 0, ${POSTED}, ${RUNNING}) !== ${POSTED}) continue; // taken back by the caller
  let state = ${IDLE};
  try {
    drain();
    const ex = instances.get(ctl[${MEMORY}]); // (never missing: announced before the product; else the caller
    const [M, N, size] = [ctl[3], ctl[4], ctl[${SIZE}]]; // computes every slice itself)
    for (let k; ex && (k = Atomics.add(ctl, ${NEXT}, 1)) < ctl[${SLICES}]; ) {
      const lo = k * size;
      if (ctl[${SPLIT_N}]) ex.gemm(${argList(9)}, 0, M, lo, Math.min(lo + size, N), ctl[14]);
      else ex.gemm(${argList(9)}, lo, Math.min(lo + size, M), 0, N, ctl[14]);
      Atomics.add(ctl, ${HELPED}, 1);
    }
  } catch (e) {
    state = ${FAILED};
  }
  Atomics.store(ctl, 0, state);
  Atomics.notify(ctl, 0);
}
`;

/** "ctl[1], ctl[2], …, ctl[n]": the first n arguments of the gemm export, as the worker reads them. */
function argList(n: number): string {
  return Array.from({ length: n }, (_, i) => `ctl[${i + 1}]`).join(", ");
}

export class GemmHelper {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * (MEMORY + 1)));
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly known = new Set<number>([0]); // memory ids announced to the worker
  /** How long the caller spent computing its slices in the last `share`, in ms, and how many it computed. */
  callerMs = 0;
  callerSlices = 0;

  constructor(module: object, memory: object) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.port.unref();
    const workerData = { module, memory, control: this.ctl.buffer, port: port2 };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2] });
    this.worker.unref(); // never keeps the process alive
    this.worker.on("error", () => {}); // a failed helper only means the caller computes everything itself
  }

  /**
   * Posts a product: `args` are the 14 arguments of the wasm `gemm` export for the whole of C (with the helper's
   * work buffer); C is cut into `slices` slices of `size` columns (splitN) or rows. `memory`: the product lives in
   * another memory than the GEMM's own (announced to the worker the first time). Returns at once.
   */
  post(args: number[], splitN: boolean, size: number, slices: number, memory?: { id: number; memory: object }): void {
    const id = memory?.id ?? 0;
    if (memory && !this.known.has(id)) {
      this.port.postMessage({ id, memory: memory.memory }); // the worker instantiates the module on it once
      this.known.add(id);
    }
    this.ctl[MEMORY] = id;
    for (let i = 0; i < ARGS; i++) this.ctl[i + 1] = args[i];
    this.ctl[NEXT] = 0;
    this.ctl[SLICES] = slices;
    this.ctl[SPLIT_N] = splitN ? 1 : 0;
    this.ctl[SIZE] = size;
    this.ctl[HELPED] = 0;
    Atomics.store(this.ctl, 0, POSTED);
    Atomics.notify(this.ctl, 0);
  }

  /**
   * The caller's side of a posted product: computes slices with `run(i0, i1, j0, j1)` until none is left, then
   * waits for the helper's slice in flight, if any. Returns how many slices the helper computed.
   */
  share(run: (i0: number, i1: number, j0: number, j1: number) => void): number {
    const [M, N, size, slices, splitN] = [
      this.ctl[3],
      this.ctl[4],
      this.ctl[SIZE],
      this.ctl[SLICES],
      this.ctl[SPLIT_N],
    ];
    const t0 = performance.now();
    this.callerSlices = 0;
    for (let k; (k = Atomics.add(this.ctl, NEXT, 1)) < slices; this.callerSlices++) {
      const lo = k * size;
      if (splitN) run(0, M, lo, Math.min(lo + size, N));
      else run(lo, Math.min(lo + size, M), 0, N);
    }
    this.callerMs = performance.now() - t0;
    if (Atomics.compareExchange(this.ctl, 0, POSTED, IDLE) === POSTED) return 0; // the helper never started
    const t1 = performance.now();
    let state: number;
    while ((state = Atomics.load(this.ctl, 0)) === RUNNING) {
      if (performance.now() - t1 > SPIN_MS) Atomics.wait(this.ctl, 0, RUNNING); // spin first: the slice ends soon
    }
    if (state === FAILED) {
      Atomics.store(this.ctl, 0, IDLE);
      throw new Error("wasm gemm: the helper thread failed");
    }
    return this.ctl[HELPED];
  }

  /** The memory `id` is gone (its optimizer was collected): the worker drops its instance on it. */
  forget(id: number): void {
    if (this.known.delete(id)) this.port.postMessage({ forget: id });
  }

  /** Stops the worker (tests; the process exits without it). */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
