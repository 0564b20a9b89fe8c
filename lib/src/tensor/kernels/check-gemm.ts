import { Rng } from "../../rng";
import { referenceGemm, type Gemm } from "../matmul";

/**
 * Test helper (not exported from the package): runs `kernel` and `referenceGemm` on the same random float32
 * operands and returns the worst error of any entry, measured in units of that entry's tolerance.
 *
 * Tolerance, and why: both kernels round each product and partial sum to float32 (unit roundoff u = 2⁻²⁴ ≈ 6e-8)
 * but sum in different orders, so an entry differs by at most ~u·K·Σₖ|aᵢₖ·bₖⱼ| (worst case) and typically by
 * ~u·√K·Σₖ|aᵢₖ·bₖⱼ| (random rounding). We allow 1e-6·√K·Σₖ|aᵢₖ·bₖⱼ| (16× the typical error, plus 1e-30 for
 * all-zero rows). A real bug — a term missing, doubled or misplaced — errs by ~Σ/K or more, far above that for
 * every K this file tests (K ≤ 600: Σ/K ≥ 1.7e-3·Σ versus tolerance ≤ 2.5e-5·Σ).
 */
export function gemmErrorRatio(
  kernel: Gemm,
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  seed = 0,
): number {
  const rng = new Rng(seed);
  const a = Float32Array.from({ length: M * K }, () => rng.normal());
  const b = Float32Array.from({ length: K * N }, () => rng.normal());
  const got = new Float32Array(M * N).fill(Number.NaN); // must be overwritten, not accumulated into
  const want = new Float32Array(M * N);
  kernel(transA, transB, M, N, K, a, b, got);
  referenceGemm(transA, transB, M, N, K, a, b, want);
  let worst = 0;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let scale = 0; // Σₖ |op(A)[i,k]·op(B)[k,j]|
      for (let k = 0; k < K; k++) {
        scale += Math.abs((transA ? a[k * M + i] : a[i * K + k]) * (transB ? b[j * K + k] : b[k * N + j]));
      }
      const err = Math.abs(got[i * N + j] - want[i * N + j]) / (1e-6 * Math.sqrt(K) * scale + 1e-30);
      worst = Number.isNaN(err) ? Infinity : Math.max(worst, err);
    }
  }
  return worst;
}

/** Shapes [M, N, K]: odd sizes that are not multiples of the 4×8 tile, tiny and empty dims, block-crossing sizes. */
export const GEMM_SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 17],
  [5, 3, 1],
  [17, 33, 5],
  [33, 17, 127],
  [4, 8, 256],
  [127, 33, 257], // K crosses the 256-deep block
  [130, 9, 3], // M crosses the 128-row block
  [2, 1030, 7], // N crosses the 1024-column block
  [64, 40, 600],
  [0, 5, 3],
  [5, 0, 3],
  [5, 3, 0], // K = 0: C must become all zeros
  [0, 0, 0],
];

export const FORMS: [string, boolean, boolean][] = [
  ["A·B", false, false],
  ["Aᵀ·B", true, false],
  ["A·Bᵀ", false, true],
];
