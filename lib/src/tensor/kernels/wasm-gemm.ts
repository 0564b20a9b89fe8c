import { existsSync, readFileSync } from "fs";
import { availableParallelism } from "os";
import { isMainThread } from "worker_threads";
import type { Gemm } from "../matmul";
import { GemmHelper } from "./gemm-helper";
import { WA, wasmPath, wasmRelaxedSimdSupported, wasmSimdSupported } from "./wasm-api";
import { UpdateKernels } from "./wasm-updates";

export { wasmSimdSupported, wasmRelaxedSimdSupported };

/** Path of the built SIMD128 kernel: lib/dist/wasm/gemm.wasm (the same relative path from lib/src/… and lib/dist/…). */
export const WASM_GEMM_PATH = wasmPath("gemm.wasm");
/** Path of the relaxed-SIMD (FMA) build of the same kernel. */
export const WASM_GEMM_RELAXED_PATH = wasmPath("gemm-relaxed.wasm");

/**
 * Which build `loadWasmGemm(env)` loads: "wasm-relaxed-simd" (FMA) where the engine supports relaxed SIMD and
 * NN_KNOBS_NO_RELAXED_SIMD is not 1, else "wasm-simd" (SIMD128). Either way results are deterministic run to run.
 */
export function wasmGemmName(
  env = process.env,
  relaxed = wasmRelaxedSimdSupported(),
): "wasm-relaxed-simd" | "wasm-simd" {
  const useRelaxed = relaxed && env.NN_KNOBS_NO_RELAXED_SIMD !== "1" && existsSync(WASM_GEMM_RELAXED_PATH);
  return useRelaxed ? "wasm-relaxed-simd" : "wasm-simd";
}

type GemmFn = (tA: number, tB: number, M: number, N: number, K: number, a: number, b: number, c: number, work: number, i0: number, i1: number, j0: number, j1: number, accumulate: number) => void; // prettier-ignore
type GemmExports = { gemm: GemmFn; workBytes(): number; heapBase(): number; tileRows(): number };
/** The module on one memory: its exports, the two threads' work buffers, the memory's id for the helper (0: own). */
interface Instance {
  ex: GemmExports;
  workMain: number;
  workHelper: number;
  id: number;
}

const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;
const PAGE = 65536;
/**
 * @internal Products below this many flops (2·M·N·K) stay on one thread. Besides the hand-off, the helper reads
 * the operands from the caller's caches (the caller has just copied or computed them) and packs all of B (or A)
 * again, so its half runs slower than the caller's. Measured here (µs, one thread → two): 64×64·784 6.4 MFLOP 152 → 170,
 * 64×128·784 12.8 MFLOP 289 → 279, 128×128·784 25.7 MFLOP 555 → 420; in W1's training loop the 16.8 MFLOP
 * products ran in ~0.25 ms on two threads against ~0.39 on one.
 */
export const TWO_THREAD_FLOPS = 16e6;
/**
 * Slices a two-thread product is cut into: one for each thread. More slices let the caller take over more of the
 * work when the helper is late, but each slice repacks its whole block of B (or A): measured on the course's
 * shapes, 4 and 8 slices were slower than 2 once the helper spins between products (gemm-helper.ts) and starts
 * at once.
 */
const SLICES = 2;
/**
 * At most this many floats (4 MB) of a product are copied into an optimizer's memory to run it there (see below):
 * a training batch's activations fit; an evaluation pass's do not, and go through the GEMM's own memory instead,
 * in blocks of rows of this size.
 */
const RESIDENT_STAGING = 1 << 20;
/**
 * ... and only when that saves copying at least this many floats (128 KB): measured, a 64×64×64 product ran
 * 19 µs through the GEMM's own memory and 27 µs in an optimizer's (a 64×64×784 one 222 and 193 µs).
 */
const RESIDENT_MIN = 1 << 15;
/** Products computed on one thread after two threads were found slower than one (see below). */
const BACKOFF = 32;

/**
 * @internal Did sharing a product with the helper take longer (`elapsedMs`) than the caller would have alone, at
 * its own pace (`callerMs` for `callerSlices` of the `slices`)? Never when the helper computed no slice.
 */
export function helperWasSlower(
  elapsedMs: number,
  callerMs: number,
  callerSlices: number,
  slices: number,
  helped: number,
): boolean {
  if (helped === 0 || callerSlices === 0) return false;
  return elapsedMs > (callerMs * slices) / callerSlices;
}

let threads = defaultThreads();
let helperJobs = 0;

/** @internal In how many products the helper thread computed at least one slice (a check for tests). */
export function gemmHelperJobs(): number {
  return helperJobs;
}

function defaultThreads(): number {
  const env = Number(process.env.NN_KNOBS_GEMM_THREADS);
  if (env === 1 || env === 2) return env;
  // Two on the main thread of a multi-core machine; one inside worker_threads (a pool already uses the cores).
  return isMainThread && availableParallelism() > 1 ? 2 : 1;
}

/** @internal Threads the wasm GEMM uses for large products: 1 or 2 (default: 2 on a multi-core main thread; env NN_KNOBS_GEMM_THREADS). */
export function setGemmThreads(n: 1 | 2): void {
  if (n !== 1 && n !== 2) throw new Error(`setGemmThreads: threads must be 1 or 2, got ${n}`);
  threads = n;
}

/** The number of threads the wasm GEMM uses for large products. */
export function gemmThreads(): number {
  return threads;
}

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
  if (!simd || WA === undefined) return "this engine has no WebAssembly SIMD128";
  if (!existsSync(path)) return `${path} is missing: run \`npm run build\``;
  return null;
}

/**
 * Loads the WebAssembly float32 GEMM (source: lib/assembly/gemm.ts, built by `npm run build` into
 * lib/dist/wasm/gemm-relaxed.wasm with FMA and gemm.wasm with SIMD128 only; `wasmGemmName` says which) as a `Gemm`:
 * C[M×N] = op(A)·op(B), row-major, C overwritten (or added to with `accumulate`). Returns null when it cannot run
 * here (the reason: `wasmGemmUnavailable()`); matmul then uses `tiledGemm`.
 *
 * Loading is synchronous (readFileSync + new WebAssembly.Module/Instance), so it works the same in node, vitest,
 * the tslab kernel and worker_threads. Operands that live in an optimizer's memory (parameters and gradients it
 * adopted, see wasm-updates.ts) are used where they are: the product runs on the module instantiated on that memory
 * and only the other operands are copied in. Otherwise inputs are copied into this kernel's own shared memory (B
 * whole, A and C in blocks of rows of at most 4 MB) and the product is copied out: O(MK + KN + MN) copying against
 * O(MKN) arithmetic. Products of
 * ≥ 16 MFLOP are split between this thread and a helper thread (see `setGemmThreads`), with bit-identical results.
 * Same as `torch.mm` on float32 CPU tensors up to float32 rounding: it sums over k in blocks of 256, in another
 * order than `referenceGemm`, so the two differ by ~1e-7·√K relative (the tests allow 1e-6·√K).
 *
 * @example
 *   const gemm = loadWasmGemm();            // null if SIMD is unavailable or NN_KNOBS_NO_WASM=1
 *   if (gemm) gemm(false, true, 128, 256, 784, x.data, w.data, y.data);   // y = x · wᵀ
 */
export function loadWasmGemm(
  env = process.env,
  simd = wasmSimdSupported(),
  path = wasmGemmName(env) === "wasm-relaxed-simd" ? WASM_GEMM_RELAXED_PATH : WASM_GEMM_PATH,
): Gemm | null {
  if (WA === undefined || wasmGemmUnavailable(env, simd, path) !== null) return null;
  const module = new WA.Module(readFileSync(path));
  const memory = new WA.Memory({ initial: 1, maximum: 65536, shared: true }); // shared: the helper thread uses it too
  const abort = (): never => {
    throw new Error("wasm gemm: abort");
  };
  const ex = new WA.Instance(module, { env: { memory, abort } }).exports as GemmExports;
  const workMain = align(ex.heapBase());
  const workHelper = workMain + align(ex.workBytes());
  const inputs = workHelper + align(ex.workBytes());
  let helper: GemmHelper | null = null;
  let backoff = 0; // products left to compute on one thread because the helper was late
  let f32 = new Float32Array(memory.buffer);
  const mr = ex.tileRows();
  // The module instantiated on each optimizer memory where parameters live (UpdateKernels), with its work buffers;
  // when an optimizer is collected, the helper thread drops its instance too.
  const resident = new WeakMap<UpdateKernels, Instance>();
  const gone = new FinalizationRegistry<number>((id) => helper?.forget(id));
  let nextId = 1;
  const onMemory = (k: UpdateKernels): Instance => {
    let r = resident.get(k);
    if (!r) {
      const kx = new (WA as NonNullable<typeof WA>).Instance(module, { env: { memory: k.memory, abort } }).exports;
      r = {
        ex: kx as GemmExports,
        workMain: k.alloc(ex.workBytes()),
        workHelper: k.alloc(ex.workBytes()),
        id: nextId++,
      };
      resident.set(k, r);
      gone.register(k, r.id);
    }
    return r;
  };

  /** C = op(A)·op(B) on operands at byte addresses of one memory: on one thread, or split with the helper. */
  const product = (
    on: Instance,
    memoryObject: object | undefined,
    tA: number,
    tB: number,
    M: number,
    N: number,
    K: number,
    aAt: number,
    bAt: number,
    cAt: number,
    acc: number,
  ) => {
    const mn = M * N;
    if (threads < 2 || 2 * mn * K < TWO_THREAD_FLOPS || Math.max(M, N) < 16 || backoff > 0) {
      backoff = Math.max(0, backoff - 1);
      on.ex.gemm(tA, tB, M, N, K, aAt, bAt, cAt, on.workMain, 0, M, 0, N, acc);
      return;
    }
    // Cut C into SLICES slices (multiples of the MR×8 tile) that both threads take in turn: by rows, so that each
    // thread packs only its rows of A (measured faster than by columns for the course's shapes), or by columns
    // when there are too few rows.
    helper ??= new GemmHelper(module, memory);
    const splitN = M < 2 * mr;
    const [extent, unit] = splitN ? [N, 8] : [M, mr];
    const size = Math.ceil(extent / SLICES / unit) * unit;
    const args = [tA, tB, M, N, K, aAt, bAt, cAt, on.workHelper, 0, M, 0, N, acc];
    const announce = memoryObject ? { id: on.id, memory: memoryObject } : undefined;
    const slices = Math.ceil(extent / size);
    helper.post(args, splitN, size, slices, announce);
    const t0 = performance.now();
    const helped = helper.share((i0, i1, j0, j1) => on.ex.gemm(tA, tB, M, N, K, aAt, bAt, cAt, on.workMain, i0, i1, j0, j1, acc)); // prettier-ignore
    if (helped > 0) helperJobs++;
    // Two threads took longer than the caller alone would have (its time per slice × all slices): the helper's
    // core is busy (a loaded machine), where one thread is faster. Stay on one thread for the next BACKOFF products,
    // then try two again. (A helper that is merely late, e.g. still waking up, costs less than that: the caller
    // takes the slices it has not started. Judging lateness alone kept the helper off: after a back-off it is
    // asleep, so it is late again at the next try. Measured at 512³: it computed in 1 of 47 products.)
    if (helperWasSlower(performance.now() - t0, helper.callerMs, helper.callerSlices, slices, helped)) {
      backoff = BACKOFF;
    }
  };
  const own: Instance = { ex, workMain, workHelper, id: 0 };

  return (transA, transB, M, N, K, a, b, c, accumulate = false) => {
    const mn = M * N;
    if (mn === 0) return;
    const tA = transA ? 1 : 0;
    const tB = transB ? 1 : 0;
    const acc = accumulate ? 1 : 0;
    const home = UpdateKernels.home(b) ?? UpdateKernels.home(c) ?? UpdateKernels.home(a);
    const ops = [a.subarray(0, M * K), b.subarray(0, K * N), c.subarray(0, mn)];
    const staged = home ? ops.reduce((n, x) => n + (UpdateKernels.home(x) === home ? 0 : x.length), 0) : 0;
    const saved = M * K + K * N + mn - staged; // floats not copied
    if (home && staged <= RESIDENT_STAGING && saved >= RESIDENT_MIN) {
      // Parameters (B in the forward pass and dX, C in dW += …) live in an optimizer's memory: run there, copying
      // in only the operands that live elsewhere (a training batch; an evaluation pass over thousands of rows
      // takes the path below, so that the optimizer's memory does not grow to hold it).
      const on = onMemory(home);
      home.run(ops, ["r", "r", accumulate ? "rw" : "w"], ([aAt, bAt, cAt]) =>
        product(on, home.memory, tA, tB, M, N, K, aAt, bAt, cAt, acc),
      );
      return;
    }
    // A product of evaluation size (thousands of rows of A) runs in blocks of rows, so that this memory holds B and
    // one block of A and C (≤ RESIDENT_STAGING floats) instead of all of A and C: a row of C depends only on the
    // same row of A and on B, computed the same way in any block, so the result is the same, bit for bit.
    // (Aᵀ·B reads A by columns: one block.)
    const blockRows = transA ? M : Math.max(2 * mr, Math.min(M, Math.floor(RESIDENT_STAGING / (K + N))));
    const bAt = inputs;
    const aAt = bAt + align(K * N * 4);
    const cAt = aAt + align(Math.min(blockRows, M) * K * 4);
    const end = cAt + Math.min(blockRows, M) * N * 4;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    if (f32.length * 4 !== memory.buffer.byteLength) f32 = new Float32Array(memory.buffer); // grown: a new view
    f32.set(b.length === K * N ? b : b.subarray(0, K * N), bAt >> 2);
    for (let r0 = 0; r0 < M; r0 += blockRows) {
      const m = Math.min(blockRows, M - r0);
      f32.set(a.subarray(r0 * K, (r0 + m) * K), aAt >> 2);
      if (accumulate) f32.set(c.subarray(r0 * N, (r0 + m) * N), cAt >> 2); // C += …: C goes in too
      product(own, undefined, tA, tB, m, N, K, aAt, bAt, cAt, acc);
      c.set(f32.subarray(cAt >> 2, (cAt >> 2) + m * N), r0 * N);
    }
  };
}
