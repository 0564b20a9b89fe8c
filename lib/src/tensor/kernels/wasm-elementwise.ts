import { UpdateKernels, type ElementwiseGrad, type ElementwiseMap } from "./wasm-updates";

/**
 * Float32 fast paths for the elementwise loops that run on every training step (ReLU, tanh and sigmoid forward and
 * backward, the gradient's sum of squares, zeroing a gradient), as WebAssembly SIMD128 loops (lib/assembly/elementwise.ts, in updates.wasm). The
 * readable TypeScript loop beside each caller stays the definition: float64 data, NN_KNOBS_NO_WASM=1 and
 * NN_KNOBS_NO_WASM_ELEMENTWISE=1 run it, and tests check the two agree (bit for bit for ReLU; within 3 float32
 * ulps for tanh and sigmoid, computed in float32 as torch's CPU kernels do; to float64 rounding for the sum).
 *
 * Why: a JavaScript loop over `Float32Array | Float64Array` is polymorphic once it has seen both (the library runs
 * float64 for gradient checks), and V8 then runs it ~5× slower than over one array type (measured: ReLU over
 * 32,768 floats 275 µs against 53 µs; the wasm loop a few µs). A loop runs where its operands live: in an
 * optimizer's memory for gradients it adopted (no copy), else in a shared memory the operands are copied into.
 */

let enabled = process.env.NN_KNOBS_NO_WASM !== "1" && process.env.NN_KNOBS_NO_WASM_ELEMENTWISE !== "1";
let shared: UpdateKernels | null | undefined; // for operands resident nowhere; made on first use

/** @internal Switches the wasm elementwise loops on or off (tests and the benchmark run both); returns the previous setting. */
export function setWasmElementwise(on: boolean): boolean {
  const prev = enabled;
  enabled = on;
  return prev;
}

/** The kernels to run on these float32 operands: where the first resident one lives, else the shared ones; or null. */
function kernelsFor(...operands: ArrayLike<number>[]): UpdateKernels | null {
  if (!enabled || !operands.every((a) => a instanceof Float32Array)) return null;
  for (const a of operands) {
    const home = UpdateKernels.home(a);
    if (home) return home;
  }
  if (shared === undefined) shared = UpdateKernels.create();
  return shared;
}

/**
 * Runs `f` on [start, end) ranges of at most CHUNK entries (rows × width ≤ CHUNK when `width` > 1), so that the
 * memory an operand is copied into stays small whatever the tensor (an evaluation pass over 10,000 rows).
 */
const CHUNK = 1 << 18;
function inChunks(n: number, width: number, f: (start: number, end: number) => void): void {
  const step = Math.max(1, Math.floor(CHUNK / width)) * width;
  for (let start = 0; start < n || start === 0; start += step) f(start, Math.min(n, start + step));
}

/**
 * @internal y = f(x) (ReLU, tanh, sigmoid) on float32 data in wasm; false (nothing done) when the caller's loop
 * must run instead. ReLU gives the same bits as its TypeScript loop; tanh and sigmoid are within 3 float32 ulps.
 */
export function fastMap(f: ElementwiseMap, x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  const k = kernelsFor(x, y);
  const [xs, ys] = [x as Float32Array, y as Float32Array];
  if (k) inChunks(xs.length, 1, (i, j) => k.map(f, xs.subarray(i, j), ys.subarray(i, j)));
  return k !== null;
}

/** @internal dx = dy·σ′ from the activation's input (ReLU) or output (tanh, sigmoid) in wasm; false when the caller's loop must run. */
export function fastGrad(
  f: ElementwiseGrad,
  from: ArrayLike<number>,
  dy: ArrayLike<number>,
  dx: ArrayLike<number>,
): boolean {
  const k = kernelsFor(from, dy, dx);
  const [a, d, o] = [from as Float32Array, dy as Float32Array, dx as Float32Array];
  if (k) inChunks(a.length, 1, (i, j) => k.grad(f, a.subarray(i, j), d.subarray(i, j), o.subarray(i, j)));
  return k !== null;
}

/** @internal Σ g² (in float64) of float32 data in wasm; null when the caller's loop must run instead. */
export function fastSumSquares(g: ArrayLike<number>): number | null {
  const k = kernelsFor(g);
  return k ? k.sumSquares(g as Float32Array) : null;
}

/** @internal x = 0 for a float32 array resident in an optimizer's memory (zeroGrad); false when `fill` must run. */
export function fastZero(x: ArrayLike<number>): boolean {
  const k = enabled ? UpdateKernels.home(x) : undefined; // only where no copy is needed
  k?.zero(x as Float32Array);
  return k !== undefined;
}

/** @internal y = x + b on every row (float32, in wasm; the same bits as the TypeScript loop); false when that loop must run. */
export function fastAddRowVector(
  rows: number,
  cols: number,
  x: ArrayLike<number>,
  b: ArrayLike<number>,
  y: ArrayLike<number>,
): boolean {
  const k = kernelsFor(x, b, y);
  const [xs, bs, ys] = [x as Float32Array, b as Float32Array, y as Float32Array];
  if (k) inChunks(rows * cols, cols, (i, j) => k.addRowVector((j - i) / cols, cols, xs.subarray(i, j), bs, ys.subarray(i, j))); // prettier-ignore
  return k !== null;
}

/** @internal out += column sums of x (float32, in wasm; the same bits as the TypeScript loop); false when that loop must run. */
export function fastAddSumRows(rows: number, cols: number, x: ArrayLike<number>, out: ArrayLike<number>): boolean {
  const k = kernelsFor(x, out);
  const [xs, o] = [x as Float32Array, out as Float32Array];
  if (k) inChunks(rows * cols, cols, (i, j) => k.addSumRows((j - i) / cols, cols, xs.subarray(i, j), o)); // rows in order: the same sums
  return k !== null;
}
