import { Tensor, assertShape, type Data } from "./tensor";
import { loadWasmGemm, wasmGemmName } from "./kernels/wasm-gemm";
import { tiledGemm } from "./kernels/tiled-gemm";

/**
 * Matrix products in the three forms backprop needs:
 *   forward   Y  = X · Wᵀ   (matmulTransB)  — a Linear layer stores W as out × in, like torch
 *   backward  dX = dY · W   (matmul)
 *             dW = dYᵀ · X  (matmulTransA)
 *
 * Each calls a `Gemm` kernel. The readable reference below is the definition; a faster kernel (WebAssembly SIMD,
 * see the speed issue) may be installed with `setGemm` and must agree with it to float32 rounding.
 */

/**
 * C[M×N] = op(A)·op(B), where op(A) is M×K (A stored K×M when transA) and op(B) is K×N (B stored N×K when
 * transB). C is overwritten, or added to when `accumulate` is true (C += op(A)·op(B)).
 */
export type Gemm = (
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  a: Data,
  b: Data,
  c: Data,
  accumulate?: boolean,
) => void;

/** The reference kernel: three plain loops, ordered i-k-j so the inner loop walks rows of B and C. */
export const referenceGemm: Gemm = (transA, transB, M, N, K, a, b, c, accumulate = false) => {
  if (!accumulate) c.fill(0, 0, M * N);
  for (let i = 0; i < M; i++) {
    for (let k = 0; k < K; k++) {
      const aik = transA ? a[k * M + i] : a[i * K + k];
      if (aik === 0) continue;
      const cRow = i * N;
      if (transB) {
        for (let j = 0; j < N; j++) c[cRow + j] += aik * b[j * K + k];
      } else {
        const bRow = k * N;
        for (let j = 0; j < N; j++) c[cRow + j] += aik * b[bRow + j];
      }
    }
  }
};

// The default float32 kernel: WebAssembly relaxed SIMD (FMA) or SIMD128 if available (NN_KNOBS_NO_WASM=1 disables
// both, NN_KNOBS_NO_RELAXED_SIMD=1 the FMA build), else tiled TypeScript.
const wasmGemm = loadWasmGemm();
let gemm: Gemm = wasmGemm ?? tiledGemm;
let gemmName: string = wasmGemm ? wasmGemmName() : "ts-tiled";

/** Installs a kernel for float32 products (float64 always uses the reference). Returns the previous one. */
export function setGemm(kernel: Gemm | null, name = "custom"): { kernel: Gemm; name: string } {
  const prev = { kernel: gemm, name: gemmName };
  gemm = kernel ?? referenceGemm;
  gemmName = kernel ? name : "reference";
  return prev;
}

/** The name of the kernel in use for float32 ("wasm-relaxed-simd", "wasm-simd", "ts-tiled", "reference", …). */
export function gemmBackend(): string {
  return gemmName;
}

function run(
  where: string,
  transA: boolean,
  transB: boolean,
  a: Tensor,
  b: Tensor,
  out?: Tensor,
  accumulate = false,
): Tensor {
  const M = transA ? a.cols : a.rows;
  const K = transA ? a.rows : a.cols;
  const Kb = transB ? b.cols : b.rows;
  const N = transB ? b.rows : b.cols;
  assertShape(K === Kb && a.dtype === b.dtype, where, "matching inner dimensions and dtypes", a, b);
  const c = out ?? Tensor.zeros(M, N, a.dtype);
  assertShape(c.rows === M && c.cols === N && c.dtype === a.dtype, where, `out of shape [${M}, ${N}]`, c);
  const kernel = a.dtype === "float32" ? gemm : referenceGemm;
  kernel(transA, transB, M, N, K, a.data, b.data, c.data, accumulate);
  return c;
}

/** A·B for A: M×K, B: K×N. */
export function matmul(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  return run("matmul(A, B)", false, false, a, b, out);
}

/** Aᵀ·B for A: K×M, B: K×N (the weight gradient dYᵀ·X). */
export function matmulTransA(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  return run("matmulTransA(Aᵀ, B)", true, false, a, b, out);
}

/** out += Aᵀ·B for A: K×M, B: K×N, in one pass (the weight gradient accumulated as torch does: dW += dYᵀ·X). */
export function addMatmulTransA(a: Tensor, b: Tensor, out: Tensor): Tensor {
  return run("addMatmulTransA(Aᵀ, B)", true, false, a, b, out, true);
}

/** A·Bᵀ for A: M×K, B: N×K (the Linear forward X·Wᵀ). */
export function matmulTransB(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  return run("matmulTransB(A, Bᵀ)", false, true, a, b, out);
}
