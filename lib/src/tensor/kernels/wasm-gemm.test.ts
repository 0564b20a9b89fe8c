import { describe, expect, it, vi } from "vitest";
import { existsSync } from "fs";
import { Tensor } from "../tensor";
import { gemmBackend, matmul, matmulTransA, matmulTransB, referenceGemm, setGemm, type Gemm } from "../matmul";
import {
  gemmHelperJobs,
  helperWasSlower,
  TWO_THREAD_FLOPS,
  loadWasmGemm,
  setGemmThreads,
  wasmGemmUnavailable,
  wasmGemmName,
  wasmRelaxedSimdSupported,
  wasmSimdSupported,
  WASM_GEMM_PATH,
  WASM_GEMM_RELAXED_PATH,
} from "./wasm-gemm";
import { FORMS, GEMM_SHAPES, gemmErrorRatio } from "./check-gemm";
import { Rng } from "../../rng";
import { UpdateKernels } from "./wasm-updates";

/** The same bits (NaN = NaN, 0 ≠ −0). */
const sameBits = (x: Float32Array, y: Float32Array): boolean =>
  x.length === y.length && x.every((v, i) => Object.is(v, y[i]));

describe("helperWasSlower: when the GEMM stops using its helper thread for a while", () => {
  it("keeps a helper that was merely late, and drops one that made the product slower than one thread", () => {
    // 2 slices, the caller computed one in 1 ms: alone it would have taken 2 ms.
    expect(helperWasSlower(1.1, 1, 1, 2, 1)).toBe(false); // the helper ran beside the caller: 1.1 ms
    expect(helperWasSlower(1.9, 1, 1, 2, 1)).toBe(false); // it started 0.9 ms late: still faster than alone
    expect(helperWasSlower(2.5, 1, 1, 2, 1)).toBe(true); // its slice took 2.5 ms: its core is busy
    // The caller computed both slices (the helper never started): nothing to judge, whatever the time.
    expect(helperWasSlower(5, 2, 2, 2, 0)).toBe(false);
    // The helper computed every slice (the caller none): no pace to compare with.
    expect(helperWasSlower(5, 0, 0, 2, 2)).toBe(false);
    // 4 slices, the caller computed 3 in 3 ms: alone 4 ms.
    expect(helperWasSlower(3.9, 3, 3, 4, 1)).toBe(false);
    expect(helperWasSlower(4.2, 3, 3, 4, 1)).toBe(true);
  });
});

describe("wasm gemm builds", () => {
  it("both are built, and the FMA build is installed by default on this machine (node ≥ 22 has relaxed SIMD)", () => {
    expect(wasmSimdSupported()).toBe(true);
    expect(wasmRelaxedSimdSupported()).toBe(true);
    for (const path of [WASM_GEMM_PATH, WASM_GEMM_RELAXED_PATH]) {
      expect(existsSync(path), `${path} missing: run npm run build`).toBe(true);
    }
    expect(wasmGemmUnavailable({})).toBeNull();
    expect(wasmGemmName({})).toBe("wasm-relaxed-simd");
    expect(gemmBackend()).toBe("wasm-relaxed-simd");
    expect(wasmGemmName({ NN_KNOBS_NO_RELAXED_SIMD: "1" })).toBe("wasm-simd");
    expect(wasmGemmName({}, false)).toBe("wasm-simd"); // an engine without relaxed SIMD (node 20, older browsers)
  });

  it("FMA and SIMD128 products differ only by float32 rounding (and really differ: the FMA rounds once)", () => {
    const [M, N, K] = [64, 40, 600];
    const rng = new Rng(3);
    const a = Float32Array.from({ length: M * K }, () => rng.normal());
    const b = Float32Array.from({ length: K * N }, () => rng.normal());
    const [fma, simd] = [new Float32Array(M * N), new Float32Array(M * N)];
    (loadWasmGemm({}) as Gemm)(false, false, M, N, K, a, b, fma);
    (loadWasmGemm({ NN_KNOBS_NO_RELAXED_SIMD: "1" }) as Gemm)(false, false, M, N, K, a, b, simd);
    expect(fma).not.toEqual(simd);
    let worst = 0;
    for (let i = 0; i < M * N; i++) worst = Math.max(worst, Math.abs(fma[i] - simd[i]) / (Math.abs(simd[i]) + 1));
    expect(worst).toBeLessThan(1e-4);
  });
});

for (const [build, env] of [
  ["relaxed SIMD (FMA)", {}],
  ["SIMD128", { NN_KNOBS_NO_RELAXED_SIMD: "1" }],
] as const) {
  describe(`wasm gemm, ${build}`, () => {
    const gemm = loadWasmGemm(env) as Gemm;
    for (const [form, tA, tB] of FORMS) {
      it(`agrees with referenceGemm for ${form} on odd, tiny, empty and block-crossing shapes`, () => {
        for (const [M, N, K] of GEMM_SHAPES) {
          expect(
            gemmErrorRatio(gemm, tA, tB, M, N, K, M + 7 * N + 31 * K),
            `${form} M=${M} N=${N} K=${K}`,
          ).toBeLessThan(1);
        }
      });
    }

    it("stays correct as memory grows over repeated calls with growing sizes, and after shrinking again", () => {
      // Long thin operands make big buffers (up to 9 MB) with little arithmetic, so the memory must grow.
      const shapes = [
        [4, 4, 4],
        [64, 64, 64],
        [2, 1000, 1200],
        [1000, 2, 1200],
        [9, 9, 9],
        [2, 1500, 1500],
        [5, 7, 3],
      ];
      for (const [M, N, K] of shapes) {
        for (const [form, tA, tB] of FORMS) {
          expect(gemmErrorRatio(gemm, tA, tB, M, N, K, M + N), `${form} M=${M} N=${N} K=${K}`).toBeLessThan(1);
        }
      }
    }, 30_000);

    it("gives bit-identical products on two threads, split along N or M, as on one thread", async () => {
      // Each at least TWO_THREAD_FLOPS (smaller products stay on one thread).
      const shapes = [
        [200, 150, 300], // split rows
        [150, 203, 270], // split rows, ragged tiles
        [8, 2000, 600], // fewer rows than two micro-tiles: split columns, ragged
        [64, 1030, 128], // columns past the 1024-wide block
        [128, 256, 784], // the MLP's first layer
      ];
      for (const [M, N, K] of shapes) expect(2 * M * N * K).toBeGreaterThanOrEqual(TWO_THREAD_FLOPS);
      const before = gemmHelperJobs();
      for (let round = 0; round < 20 && gemmHelperJobs() === before; round++) {
        for (const [M, N, K] of shapes) {
          for (const [form, tA, tB] of FORMS) {
            const rng = new Rng(M + N + K);
            const a = Float32Array.from({ length: M * K }, () => rng.normal());
            const b = Float32Array.from({ length: K * N }, () => rng.normal());
            const one = new Float32Array(M * N);
            const two = new Float32Array(M * N).fill(Number.NaN);
            setGemmThreads(1);
            gemm(tA, tB, M, N, K, a, b, one);
            setGemmThreads(2);
            gemm(tA, tB, M, N, K, a, b, two);
            expect(two, `${form} M=${M} N=${N} K=${K}`).toEqual(one);
            if (round === 0)
              expect(gemmErrorRatio(gemm, tA, tB, M, N, K, M), `${form} M=${M} N=${N} K=${K}`).toBeLessThan(1);
          }
        }
        await new Promise((r) => setTimeout(r, 50)); // let the helper thread start
      }
      expect(gemmHelperJobs(), "the helper thread computed some halves").toBeGreaterThan(before);
    }, 60_000);

    it("runs a product of thousands of rows in blocks of rows, with the same bits as one block", () => {
      // 3000 × (300 + 100) floats of A and C are more than one block (1M floats: 2621 rows here), so the product
      // runs as rows 0–2620, then 2621–2999. Rows 2600–2699, computed by themselves in one block, must come out the
      // same, bit for bit, as in the blocked product, overwriting C and accumulating into it.
      const [M, N, K] = [3000, 100, 300];
      const rng = new Rng(11);
      const a = Float32Array.from({ length: M * K }, () => rng.normal());
      const b = Float32Array.from({ length: K * N }, () => rng.normal());
      const c0 = Float32Array.from({ length: M * N }, () => rng.normal());
      for (const [form, tA, tB] of FORMS.filter(([, tA]) => !tA)) {
        for (const accumulate of [false, true]) {
          const whole = Float32Array.from(c0);
          gemm(tA, tB, M, N, K, a, b, whole, accumulate);
          const [r0, r1] = [2600, 2700];
          const part = c0.slice(r0 * N, r1 * N);
          gemm(tA, tB, r1 - r0, N, K, a.subarray(r0 * K, r1 * K), b, part, accumulate);
          expect(sameBits(whole.subarray(r0 * N, r1 * N), part), `${form} accumulate=${accumulate}`).toBe(true);
          if (!accumulate) expect(gemmErrorRatio(gemm, tA, tB, M, N, K, 1), form).toBeLessThan(1);
        }
      }
    });

    it("accumulates C += op(A)·op(B) in one pass when asked, on one and two threads", () => {
      for (const threads of [1, 2] as const) {
        for (const [form, tA, tB] of FORMS) {
          for (const [M, N, K] of [
            [33, 17, 300],
            [128, 256, 784],
            [5, 3, 0],
          ]) {
            // prettier-ignore
            const rng = new Rng(M + K);
            const a = Float32Array.from({ length: M * K }, () => rng.normal());
            const b = Float32Array.from({ length: K * N }, () => rng.normal());
            const c0 = Float32Array.from({ length: M * N }, () => rng.normal());
            const want = new Float32Array(M * N);
            gemm(tA, tB, M, N, K, a, b, want);
            for (let i = 0; i < M * N; i++) want[i] += c0[i];
            const got = Float32Array.from(c0);
            setGemmThreads(threads);
            gemm(tA, tB, M, N, K, a, b, got, true);
            let worst = 0;
            for (let i = 0; i < M * N; i++)
              worst = Math.max(worst, Math.abs(got[i] - want[i]) / (Math.abs(want[i]) + 1));
            expect(worst, `${form} M=${M} N=${N} K=${K} threads=${threads}`).toBeLessThan(1e-5);
          }
        }
      }
    });

    it("runs in an optimizer's memory when an operand lives there: the same bits, no copy of the resident ones", async () => {
      // Parameters adopted by an optimizer (UpdateKernels) are views into its memory: a product whose B or C lives
      // there runs on the module instantiated on that memory (and the helper thread's instance on it), copying in
      // only the other operands. Every entry is summed in the same order, so the bits equal the copying path's.
      const kernels = [UpdateKernels.create(), UpdateKernels.create()] as UpdateKernels[];
      for (const threads of [1, 2] as const) {
        setGemmThreads(threads);
        for (const [form, tA, tB] of FORMS) {
          for (const [M, N, K] of [
            [128, 256, 784],
            [70, 300, 257], // ragged tiles (products saving under 32K floats of copies take the copying path)
          ]) {
            const rng = new Rng(M * K + N);
            const make = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
            const [a, b, c0] = [make(M * K), make(K * N), make(M * N)];
            const [want, wantAcc] = [new Float32Array(M * N), Float32Array.from(c0)];
            gemm(tA, tB, M, N, K, a, b, want);
            gemm(tA, tB, M, N, K, a, b, wantAcc, true);
            for (const k of kernels) {
              const home = (x: Float32Array) => {
                const t = new Tensor(1, x.length, Float32Array.from(x));
                k.adopt(t);
                return t.data as Float32Array;
              };
              const [bIn, cIn] = [home(b), home(new Float32Array(M * N))];
              gemm(tA, tB, M, N, K, a, bIn, cIn); // B and C resident (the forward pass)
              expect(sameBits(cIn, want), `${form} ${M}×${N}×${K} threads=${threads}`).toBe(true);
              const acc = home(c0);
              gemm(tA, tB, M, N, K, a, b, acc, true); // only C resident, accumulated (dW += dyᵀx)
              expect(sameBits(acc, wantAcc), `${form} ${M}×${N}×${K} accumulate`).toBe(true);
              expect(UpdateKernels.home(acc), "C stays in the optimizer's memory").toBe(k);
            }
          }
        }
        await new Promise((r) => setTimeout(r, 50)); // let the helper thread start
      }
    }, 60_000);

    it("rejects a thread count other than 1 or 2", () => {
      expect(() => setGemmThreads(3 as 2)).toThrow("setGemmThreads: threads must be 1 or 2, got 3");
    });

    it("reads only the first M·K / K·N values and writes only the first M·N (longer buffers are fine)", () => {
      const a = new Float32Array([1, 2, 3, 4, 99]); // A = [[1, 2], [3, 4]], then junk
      const b = new Float32Array([5, 6, 7, 8, 99]);
      const c = new Float32Array(5).fill(-1);
      gemm(false, false, 2, 2, 2, a, b, c);
      // by hand: [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]] = [[19, 22], [43, 50]]
      expect(Array.from(c)).toEqual([19, 22, 43, 50, -1]);
    });

    it("is what matmul uses for float32, while float64 always uses the reference", () => {
      const rng = new Rng(1);
      const x = Tensor.fromArray(
        Array.from({ length: 6 * 5 }, () => rng.normal()),
        6,
        5,
      );
      const w = Tensor.fromArray(
        Array.from({ length: 4 * 5 }, () => rng.normal()),
        4,
        5,
      );
      const direct = new Float32Array(6 * 4);
      (loadWasmGemm({}) as Gemm)(false, true, 6, 4, 5, x.data, w.data, direct); // the default build
      expect(Array.from(matmulTransB(x, w).data)).toEqual(Array.from(direct));
      const calls: string[] = [];
      const spy: Gemm = (...args) => (calls.push("spy"), referenceGemm(...args));
      const prev = setGemm(spy, "spy");
      try {
        const x64 = x.toFloat64();
        const want = new Float64Array(5 * 5);
        referenceGemm(true, false, 5, 5, 6, x64.data, x64.data, want);
        expect(Array.from(matmulTransA(x64, x64).data)).toEqual(Array.from(want));
        expect(calls).toEqual([]);
        matmul(x, Tensor.zeros(5, 2));
        expect(calls).toEqual(["spy"]);
      } finally {
        setGemm(prev.kernel, prev.name);
      }
    });
  });
}

describe("fallback without wasm", () => {
  it("says why the wasm kernel is unavailable and returns null", () => {
    expect(wasmGemmUnavailable({ NN_KNOBS_NO_WASM: "1" })).toMatch(/NN_KNOBS_NO_WASM/);
    expect(loadWasmGemm({ NN_KNOBS_NO_WASM: "1" })).toBeNull();
    expect(wasmGemmUnavailable({}, false)).toMatch(/no WebAssembly SIMD128/);
    expect(loadWasmGemm({}, false)).toBeNull();
    expect(wasmGemmUnavailable({}, true, "/nonexistent/gemm.wasm")).toMatch(/missing: run `npm run build`/);
  });

  it("matmul falls back to the tiled TypeScript kernel with NN_KNOBS_NO_WASM=1 and gives the same products", async () => {
    const saved = process.env.NN_KNOBS_NO_WASM;
    process.env.NN_KNOBS_NO_WASM = "1";
    vi.resetModules();
    try {
      const fresh = await import("../matmul");
      expect(fresh.gemmBackend()).toBe("ts-tiled");
      const a = Tensor.fromRows([[1, 2, 3], [4, 5, 6]]); // prettier-ignore
      // by hand: A·Aᵀ = [[1+4+9, 4+10+18], [4+10+18, 16+25+36]] = [[14, 32], [32, 77]]
      expect(Array.from(fresh.matmulTransB(a, a).data)).toEqual([14, 32, 32, 77]);
    } finally {
      if (saved === undefined) delete process.env.NN_KNOBS_NO_WASM;
      else process.env.NN_KNOBS_NO_WASM = saved;
      vi.resetModules();
    }
  });
});
