import { describe, expect, it } from "vitest";
import { tiledGemm } from "./tiled-gemm";
import { FORMS, GEMM_SHAPES, gemmErrorRatio } from "./check-gemm";

describe("tiledGemm (the plain TypeScript fallback)", () => {
  it("computes a 2×3 · 3×2 product exactly", () => {
    const c = new Float32Array(4).fill(Number.NaN);
    tiledGemm(false, false, 2, 2, 3, new Float32Array([1, 2, 3, 4, 5, 6]), new Float32Array([1, 0, 0, 1, 1, 1]), c);
    // by hand: [[1+0+3, 0+2+3], [4+0+6, 0+5+6]] = [[4, 5], [10, 11]]
    expect(Array.from(c)).toEqual([4, 5, 10, 11]);
  });

  for (const [form, tA, tB] of FORMS) {
    it(`agrees with referenceGemm for ${form} on odd, tiny, empty and larger shapes`, () => {
      for (const [M, N, K] of GEMM_SHAPES) {
        expect(
          gemmErrorRatio(tiledGemm, tA, tB, M, N, K, M + 7 * N + 31 * K),
          `${form} M=${M} N=${N} K=${K}`,
        ).toBeLessThan(1);
      }
    });
  }
});

describe("gemmErrorRatio (the check the kernel tests rely on)", () => {
  it("flags a kernel that drops the last term of every sum, even at K = 600", () => {
    const dropsLast: typeof tiledGemm = (tA, tB, M, N, K, a, b, c) => {
      tiledGemm(tA, tB, M, N, K, a, b, c);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          c[i * N + j] -= (tA ? a[(K - 1) * M + i] : a[i * K + K - 1]) * (tB ? b[j * K + K - 1] : b[(K - 1) * N + j]);
        }
      }
    };
    expect(gemmErrorRatio(dropsLast, false, false, 8, 8, 600)).toBeGreaterThan(1);
    expect(gemmErrorRatio(dropsLast, true, true, 3, 5, 7)).toBeGreaterThan(1);
  });
});
