import { existsSync, readFileSync } from "fs";
import { Tensor } from "../tensor";
import { WA, wasmPath, wasmSimdSupported, type WasmMemory } from "./wasm-api";

/**
 * The optimizers' update loops and a few elementwise loops as float32 SIMD loops in WebAssembly (source:
 * lib/assembly/updates.ts and elementwise.ts, built into lib/dist/wasm/updates.wasm), on data resident in the
 * module's memory.
 *
 * Each optimizer gets its own `UpdateKernels`: a small wasm instance on its own growable shared memory. On its first
 * step the optimizer moves each float32 parameter's value and gradient there (`adopt`: the Tensor's data becomes a
 * view into that memory, same values), and its state buffers (Adam's m and v, SGD's momentum buffer…) are allocated
 * there by `zeros`: a step then copies nothing, and the layers, the GEMM and `gradNorm` read and write the same
 * tensors as before. Operands found elsewhere (a state restored by `loadStateDict`, a parameter another optimizer
 * adopted later) are copied in and out around the call. The memory is shared, so growing it never detaches the
 * views, and it lives as long as any view into it: nothing is freed by hand.
 * The readable TypeScript loop beside each caller stays the definition: float64 data always uses it, and tests check
 * the two agree (to float32 rounding for the updates; bit for bit for ReLU).
 */

const PATH = wasmPath("updates.wasm");
const PAGE = 65536;
const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;

type AdamFn = (n: number, w: number, g: number, m: number, v: number, vmax: number, stepSize: number, bc2Sqrt: number, eps: number, beta2: number, a1: number, a2: number, l2: number, shrink: number, maximize: number) => void; // prettier-ignore
type SgdFn = (n: number, w: number, g: number, b: number, lr: number, mu: number, keep: number, wd: number, nesterov: number, maximize: number, first: number) => void; // prettier-ignore
type UpdateExports = {
  adam: AdamFn;
  sgd: SgdFn;
} & { [f in ElementwiseMap]: (n: number, x: number, y: number) => void } & {
  [f in ElementwiseGrad]: (n: number, a: number, dy: number, dx: number) => void;
} & {
  sumSquares(n: number, g: number): number;
  zero(n: number, x: number): void;
  addRowVector(rows: number, cols: number, x: number, b: number, y: number): void;
  addSumRows(rows: number, cols: number, x: number, out: number): void;
  heapBase(): number;
};

let compiled: object | undefined; // the module, compiled once
let enabled = process.env.NN_KNOBS_NO_WASM !== "1" && process.env.NN_KNOBS_NO_WASM_UPDATES !== "1";

/** Why the wasm update loops cannot be used here, or null if they can. */
export function wasmUpdatesUnavailable(path = PATH): string | null {
  if (!enabled) return "disabled (NN_KNOBS_NO_WASM=1, NN_KNOBS_NO_WASM_UPDATES=1 or setWasmUpdates(false))";
  return moduleUnavailable(path);
}

/** Why updates.wasm cannot run here at all (whatever the switches of its users), or null. */
function moduleUnavailable(path = PATH): string | null {
  if (process.env.NN_KNOBS_NO_WASM === "1") return "disabled by NN_KNOBS_NO_WASM=1";
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

/** The elementwise loops of lib/assembly/elementwise.ts: y = f(x), and the backward dx = dy·σ′. */
export type ElementwiseMap = "relu" | "tanh" | "sigmoid";
export type ElementwiseGrad = "reluBackward" | "tanhBackward" | "sigmoidBackward";

/** How a kernel uses an operand: reads it, writes it only, or both. */
export type Mode = "r" | "w" | "rw";

/** The kernels whose memory a buffer lives in (every buffer object a memory has had: growing makes a new one). */
const homes = new WeakMap<ArrayBufferLike, UpdateKernels>();

/** One optimizer's wasm update loops and resident float32 data; `create()` is null when unavailable. */
export class UpdateKernels {
  /** The shared linear memory (the GEMM runs on it too, on its own instance: tensor/kernels/wasm-gemm.ts). */
  readonly memory: WasmMemory;
  private readonly ex: UpdateExports;
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

  /** New kernels with an empty memory, or null when updates.wasm cannot run here (the users check their own switches). */
  static create(): UpdateKernels | null {
    if (WA === undefined || moduleUnavailable() !== null) return null;
    compiled ??= new WA.Module(readFileSync(PATH));
    return new UpdateKernels(compiled);
  }

  /** The kernels whose memory holds this array, if any. */
  static home(a: ArrayLike<number>): UpdateKernels | undefined {
    return a instanceof Float32Array ? homes.get(a.buffer) : undefined;
  }

  /** False after `setWasmUpdates(false)`: the optimizers then run their TypeScript loops. */
  static enabled(): boolean {
    return enabled;
  }

  /** A zero float32 buffer of this shape, resident in the kernels' memory. */
  zeros(rows: number, cols: number): Tensor {
    const at = this.alloc(rows * cols * 4); // first: it may grow the memory, and memory.buffer with it
    const data = new Float32Array(this.memory.buffer, at, rows * cols);
    // Every resident array is (a subarray of) a view made here, so registering each view's buffer object is the
    // whole registry (the engine may hand out a new buffer object for the same memory, as seen in vitest's workers).
    homes.set(data.buffer, this);
    return new Tensor(rows, cols, data);
  }

  /** @internal `bytes` of zeroed memory for as long as the memory lives (the GEMM's packing buffers); its address. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top = align(at + bytes);
    this.reserve(this.top);
    new Uint8Array(this.memory.buffer, at, bytes).fill(0);
    return at;
  }

  /** Moves a float32 tensor into this memory: same values, its data now a view here (views made before keep the old). */
  adopt(t: Tensor): void {
    if (UpdateKernels.home(t.data) === this) return;
    t.moveTo(this.zeros(t.rows, t.cols).data);
  }

  /** Adam / AdamW on float32 w (in place) from g, updating m, v and, with amsgrad, vmax. */
  adam(w: Tensor, g: Tensor, m: Tensor, v: Tensor, vmax: Tensor | undefined, s: AdamScalars): void {
    this.run(
      [w, g, m, v, vmax].map((t) => t?.data),
      ["rw", "r", "rw", "rw", "rw"],
      (at) => {
        const [wAt, gAt, mAt, vAt, vmaxAt] = at;
        this.ex.adam(w.size, wAt, gAt, mAt, vAt, vmaxAt, s.stepSize, s.bc2Sqrt, s.eps, s.beta2, s.a1, s.a2, s.l2, s.shrink, +s.maximize); // prettier-ignore
      },
    );
  }

  /** SGD (with momentum buffer b when given) on float32 w, in place. */
  sgd(w: Tensor, g: Tensor, b: Tensor | undefined, s: SgdScalars): void {
    this.run([w.data, g.data, b?.data], ["rw", "r", "rw"], (at) => {
      const [wAt, gAt, bAt] = at;
      this.ex.sgd(w.size, wAt, gAt, bAt, s.lr, s.mu, s.keep, s.wd, +s.nesterov, +s.maximize, +s.first);
    });
  }

  /** y = f(x) elementwise (float32 arrays of one length). */
  map(f: ElementwiseMap, x: Float32Array, y: Float32Array): void {
    this.run([x, y], ["r", "w"], ([xAt, yAt]) => this.ex[f](x.length, xAt, yAt));
  }

  /** An activation's backward dx = dy·σ′, from its input (reluBackward) or its output (tanh, sigmoid): `from`. */
  grad(f: ElementwiseGrad, from: Float32Array, dy: Float32Array, dx: Float32Array): void {
    this.run([from, dy, dx], ["r", "r", "w"], ([aAt, dyAt, dxAt]) => this.ex[f](from.length, aAt, dyAt, dxAt));
  }

  /** y = x + b added to every row (x, y: rows × cols; b: cols). */
  addRowVector(rows: number, cols: number, x: Float32Array, b: Float32Array, y: Float32Array): void {
    this.run([x, b, y], ["r", "r", "w"], ([xAt, bAt, yAt]) => this.ex.addRowVector(rows, cols, xAt, bAt, yAt));
  }

  /** out += column sums of x (rows × cols). */
  addSumRows(rows: number, cols: number, x: Float32Array, out: Float32Array): void {
    this.run([x, out], ["r", "rw"], ([xAt, outAt]) => this.ex.addSumRows(rows, cols, xAt, outAt));
  }

  /** Σ g² in float64. */
  sumSquares(g: Float32Array): number {
    let sum = 0;
    this.run([g], ["r"], ([gAt]) => (sum = this.ex.sumSquares(g.length, gAt)));
    return sum;
  }

  /** x = 0. */
  zero(x: Float32Array): void {
    this.run([x], ["w"], ([xAt]) => this.ex.zero(x.length, xAt));
  }

  /**
   * @internal Gives each operand a byte address (0 for an absent one): resident arrays where they are, the others copied
   * into scratch space after the resident ones (unless write-only, "w"); calls `f`, then copies back the
   * non-resident operands it writes ("w", "rw").
   */
  run(operands: (ArrayLike<number> | undefined)[], modes: Mode[], f: (at: number[]) => void): void {
    let scratch = this.top;
    const copied: [Float32Array, number, Mode][] = [];
    const at = operands.map((a, i) => {
      if (!a) return 0;
      if (UpdateKernels.home(a) === this) return (a as Float32Array).byteOffset;
      const addr = scratch;
      scratch = align(addr + a.length * 4);
      copied.push([a as Float32Array, addr, modes[i]]);
      return addr;
    });
    this.reserve(scratch);
    for (const [a, addr, mode] of copied) if (mode !== "w") this.f32.set(a, addr >> 2);
    f(at);
    for (const [a, addr, mode] of copied) if (mode !== "r") a.set(this.f32.subarray(addr >> 2, (addr >> 2) + a.length));
  }

  /** Grows the memory to at least `end` bytes (the views already handed out stay valid: the memory is shared). */
  private reserve(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    if (this.f32.length * 4 !== this.memory.buffer.byteLength) this.f32 = new Float32Array(this.memory.buffer);
  }
}
