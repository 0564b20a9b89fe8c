import { existsSync, readFileSync } from "fs";
import { Tensor } from "../tensor";
import { WA, wasmPath, wasmSimdSupported, type WasmMemory } from "./wasm-api";

/**
 * The optimizers' update loops as float32 SIMD loops in WebAssembly (source: lib/assembly/updates.ts, built into
 * lib/dist/wasm/updates.wasm), with the optimizer's state resident in the module's memory.
 *
 * Each optimizer gets its own `UpdateKernels`: a small wasm instance on its own growable shared memory. The state
 * buffers (Adam's m and v, SGD's momentum buffer…) are allocated there by `zeros` and are ordinary float32 Tensors
 * whose data is a view into that memory, so a step copies only the weights and gradients in and the weights out.
 * (The memory is shared, so growing it never detaches the views.) Buffers not made by `zeros` (a state restored by
 * `loadStateDict`) are copied in and out around the call. The readable TypeScript loop in each optimizer stays the
 * definition: float64 parameters always use it, and tests check the two agree to float32 rounding.
 */

const PATH = wasmPath("updates.wasm");
const PAGE = 65536;
const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;

type AdamFn = (n: number, w: number, g: number, m: number, v: number, vmax: number, stepSize: number, bc2Sqrt: number, eps: number, beta2: number, a1: number, a2: number, l2: number, shrink: number, maximize: number) => void; // prettier-ignore
type SgdFn = (n: number, w: number, g: number, b: number, lr: number, mu: number, keep: number, wd: number, nesterov: number, maximize: number, first: number) => void; // prettier-ignore
type UpdateExports = { adam: AdamFn; sgd: SgdFn; heapBase(): number };

let compiled: object | undefined; // the module, compiled once
let enabled = process.env.NN_KNOBS_NO_WASM !== "1" && process.env.NN_KNOBS_NO_WASM_UPDATES !== "1";

/** Why the wasm update loops cannot be used here, or null if they can. */
export function wasmUpdatesUnavailable(path = PATH): string | null {
  if (!enabled) return "disabled (NN_KNOBS_NO_WASM=1, NN_KNOBS_NO_WASM_UPDATES=1 or setWasmUpdates(false))";
  if (!wasmSimdSupported()) return "this engine has no WebAssembly SIMD128";
  if (!existsSync(path)) return `${path} is missing: run \`npm run build\``;
  return null;
}

/** @internal Switches the wasm update loops on or off (tests run both); returns the previous setting. */
export function setWasmUpdates(on: boolean): boolean {
  const prev = enabled;
  enabled = on;
  return prev;
}

/** Scalars of Adam's update for one parameter (see optim/adam.ts). */
export interface AdamScalars {
  stepSize: number;
  bc2Sqrt: number;
  eps: number;
  beta2: number;
  a1: number;
  a2: number;
  l2: number;
  shrink: number;
  maximize: boolean;
}

/** Scalars of SGD's update for one parameter (see optim/sgd.ts). */
export interface SgdScalars {
  lr: number;
  mu: number;
  keep: number;
  wd: number;
  nesterov: boolean;
  maximize: boolean;
  first: boolean;
}

/** One optimizer's wasm update loops and resident float32 state; `create()` is null when unavailable. */
export class UpdateKernels {
  private readonly memory: WasmMemory;
  private readonly ex: UpdateExports;
  private readonly resident = new WeakMap<object, number>(); // a state buffer's data → its byte address
  private top: number; // the first free byte after the resident buffers
  private f32: Float32Array;

  private constructor(mod: object) {
    this.memory = new (WA as NonNullable<typeof WA>).Memory({ initial: 1, maximum: 65536, shared: true });
    const abort = (): never => {
      throw new Error("wasm updates: abort");
    };
    const instance = new (WA as NonNullable<typeof WA>).Instance(mod, { env: { memory: this.memory, abort } });
    this.ex = instance.exports as UpdateExports;
    this.top = align(this.ex.heapBase());
    this.f32 = new Float32Array(this.memory.buffer);
  }

  /** New kernels with an empty state memory, or null when the wasm loops are unavailable or switched off. */
  static create(): UpdateKernels | null {
    if (WA === undefined || wasmUpdatesUnavailable() !== null) return null;
    compiled ??= new WA.Module(readFileSync(PATH));
    return new UpdateKernels(compiled);
  }

  /** False after `setWasmUpdates(false)`: the optimizers then run their TypeScript loops. */
  static enabled(): boolean {
    return enabled;
  }

  /** A zero float32 state buffer of this shape, resident in the kernels' memory. */
  zeros(rows: number, cols: number): Tensor {
    const at = this.top;
    this.top = align(at + rows * cols * 4);
    this.reserve(this.top);
    const data = new Float32Array(this.memory.buffer, at, rows * cols).fill(0); // scratch copies were here
    this.resident.set(data, at);
    return new Tensor(rows, cols, data);
  }

  /** Adam / AdamW on float32 w (in place) from g, updating m, v and, with amsgrad, vmax. */
  adam(w: Tensor, g: Tensor, m: Tensor, v: Tensor, vmax: Tensor | undefined, s: AdamScalars): void {
    this.run([w, g, m, v, vmax], (at) => {
      const [wAt, gAt, mAt, vAt, vmaxAt] = at;
      this.ex.adam(w.size, wAt, gAt, mAt, vAt, vmaxAt, s.stepSize, s.bc2Sqrt, s.eps, s.beta2, s.a1, s.a2, s.l2, s.shrink, +s.maximize); // prettier-ignore
    });
  }

  /** SGD (with momentum buffer b when given) on float32 w, in place. */
  sgd(w: Tensor, g: Tensor, b: Tensor | undefined, s: SgdScalars): void {
    this.run([w, g, b], (at) => {
      const [wAt, gAt, bAt] = at;
      this.ex.sgd(w.size, wAt, gAt, bAt, s.lr, s.mu, s.keep, s.wd, +s.nesterov, +s.maximize, +s.first);
    });
  }

  /**
   * Gives each operand a byte address (0 for an absent one): resident buffers where they are, the others copied
   * into scratch space after the resident ones; calls `f`, then copies the non-resident operands back (all but the
   * gradient, operand 1, which the loops only read).
   */
  private run(operands: (Tensor | undefined)[], f: (at: number[]) => void): void {
    let scratch = this.top;
    const copied: [Tensor, number][] = [];
    const at = operands.map((t) => {
      if (!t) return 0;
      const home = this.resident.get(t.data);
      if (home !== undefined) return home;
      const addr = scratch;
      scratch = align(addr + t.size * 4);
      copied.push([t, addr]);
      return addr;
    });
    this.reserve(scratch);
    for (const [t, addr] of copied) this.f32.set(t.data, addr >> 2);
    f(at);
    for (const [t, addr] of copied) {
      if (t !== operands[1]) t.data.set(this.f32.subarray(addr >> 2, (addr >> 2) + t.size));
    }
  }

  /** Grows the memory to at least `end` bytes (the views already handed out stay valid: the memory is shared). */
  private reserve(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    if (this.f32.length * 4 !== this.memory.buffer.byteLength) this.f32 = new Float32Array(this.memory.buffer);
  }
}
