import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { Gemm } from "../matmul";

/**
 * The WebAssembly SIMD128 float32 GEMM (source: lib/assembly/gemm.ts, built by `npm run build` into
 * lib/dist/wasm/gemm.wasm), wrapped as a `Gemm`: C[M×N] = op(A)·op(B), row-major, C overwritten.
 *
 * Loading is synchronous (readFileSync + new WebAssembly.Module/Instance) so it works the same in node, vitest,
 * the tslab kernel and worker_threads. Inputs are copied into the module's one linear memory, which grows as needed,
 * and the product is copied out; the copies cost O(MK + KN + MN) against the product's O(MKN).
 *
 * Same as `torch.mm` on float32 CPU tensors up to float32 rounding: the kernel sums over k in blocks of 256 and
 * in a different order than the reference loop, so results differ from `referenceGemm` by ~1e-7·√K relative.
 *
 * @example
 *   const gemm = loadWasmGemm();            // null if SIMD is unavailable or NN_KNOBS_NO_WASM=1
 *   if (gemm) gemm(false, true, 128, 256, 784, x.data, w.data, y.data);   // y = x · wᵀ
 */

/** Path of the built kernel: lib/dist/wasm/gemm.wasm (the same relative path from lib/src/… and lib/dist/…). */
export const WASM_GEMM_PATH = join(__dirname, "..", "..", "..", "dist", "wasm", "gemm.wasm");

// (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)): valid only where SIMD128 is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

// The few WebAssembly JS-API calls used here (the project's TS lib is ES2022 without DOM, which declares them).
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** True when this JavaScript engine can run WebAssembly SIMD128 (feature-detected on a tiny module). */
export function wasmSimdSupported(): boolean {
  return WA !== undefined && WA.validate(SIMD_PROBE);
}

interface GemmExports {
  memory: WasmMemory;
  gemm(
    transA: number,
    transB: number,
    M: number,
    N: number,
    K: number,
    a: number,
    b: number,
    c: number,
    w: number,
  ): void;
  workBytes(): number;
  heapBase(): number;
}

const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;
const PAGE = 65536;

/**
 * Why the wasm kernel cannot be used here, or null if it can. `env` and `simd` are parameters so that tests can
 * exercise the fallback: NN_KNOBS_NO_WASM=1 disables it on purpose.
 */
export function wasmGemmUnavailable(
  env = process.env,
  simd = wasmSimdSupported(),
  path = WASM_GEMM_PATH,
): string | null {
  if (env.NN_KNOBS_NO_WASM === "1") return "disabled by NN_KNOBS_NO_WASM=1";
  if (!simd) return "this engine has no WebAssembly SIMD128";
  if (!existsSync(path)) return `${path} is missing: run \`npm run build\``;
  return null;
}

/** Instantiates the kernel and returns it as a `Gemm`, or null (and the reason via wasmGemmUnavailable). */
export function loadWasmGemm(env = process.env, simd = wasmSimdSupported(), path = WASM_GEMM_PATH): Gemm | null {
  if (WA === undefined || wasmGemmUnavailable(env, simd, path) !== null) return null;
  const module = new WA.Module(readFileSync(path));
  const abort = (): never => {
    throw new Error("wasm gemm: abort");
  };
  const ex = new WA.Instance(module, { env: { abort } }).exports as unknown as GemmExports;
  const work = align(ex.heapBase());
  const workEnd = work + align(ex.workBytes());
  let f32 = new Float32Array(ex.memory.buffer);

  return (transA, transB, M, N, K, a, b, c) => {
    const mn = M * N;
    if (mn === 0) return;
    const aAt = workEnd;
    const bAt = aAt + align(M * K * 4);
    const cAt = bAt + align(K * N * 4);
    const end = cAt + mn * 4;
    if (end > ex.memory.buffer.byteLength) {
      ex.memory.grow(Math.ceil((end - ex.memory.buffer.byteLength) / PAGE));
      f32 = new Float32Array(ex.memory.buffer); // growing detaches the old view
    }
    if (f32.buffer !== ex.memory.buffer) f32 = new Float32Array(ex.memory.buffer);
    f32.set(a.length === M * K ? a : a.subarray(0, M * K), aAt >> 2);
    f32.set(b.length === K * N ? b : b.subarray(0, K * N), bAt >> 2);
    ex.gemm(transA ? 1 : 0, transB ? 1 : 0, M, N, K, aAt, bAt, cAt, work);
    c.set(f32.subarray(cAt >> 2, (cAt >> 2) + mn));
  };
}
