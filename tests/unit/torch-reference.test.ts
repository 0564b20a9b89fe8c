/**
 * nn-knobs against PyTorch 1.13: every case in tests/torch-reference/fixtures.json (written by generate.py with
 * torch; CI never runs torch) is replayed through the library. A failure names the case, the entry and index, both
 * values and the relative error. Tolerances (tests/torch-reference/compare.ts): float64 1e-9 relative, float32
 * 1e-4, with an absolute floor of 1e-13 resp. 1e-6 times the entry's largest value for cancellation near 0.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { setGemm, type Gemm } from "../../lib/src/tensor";
import { loadWasmGemm, tiledGemm } from "../../lib/src/tensor/kernels";
import { setWasmUpdates } from "../../lib/src/tensor/kernels/wasm-updates";
import { Comparison } from "../torch-reference/compare";
import { loadFixtures } from "../torch-reference/fixture-types";
import { runLayerCase, runLossCase } from "../torch-reference/run-layers";
import { runClipCase, runHeavyBallCase, runOptimizerCase } from "../torch-reference/run-optim";
import { runPlateauCase, runSchedulerCase } from "../torch-reference/run-schedulers";
import { boundProblems, runGainsAndFans } from "../torch-reference/run-init";
import { libraryMessage } from "../torch-reference/run-errors";

const fx = loadFixtures();

/** The largest relative error of each case, printed with TORCH_REF_REPORT=1 (for the fixture README). */
const worst: [string, string, number][] = [];

function agree(cmp: Comparison): void {
  worst.push([cmp.caseName, cmp.dtype, cmp.worst]);
  expect(cmp.report()).toBe("");
}

afterAll(() => {
  if (!process.env.TORCH_REF_REPORT) return;
  for (const dtype of ["float64", "float32"]) {
    const rows = worst.filter(([, d]) => d === dtype).sort((a, b) => b[2] - a[2]);
    console.log(`${dtype}: ${rows.length} cases, largest relative errors:`);
    for (const [name, , err] of rows.slice(0, 8)) console.log(`  ${err.toExponential(2)}  ${name}`);
  }
});

describe(`nn-knobs vs torch ${fx.meta.torch}`, () => {
  it("the fixtures cover every section", () => {
    for (const section of ["layers", "losses", "optimizers", "schedulers", "plateau", "clip", "errors"] as const) {
      expect(fx[section].length, section).toBeGreaterThan(0);
    }
    const layers = new Set(fx.layers.map((c) => c.layer));
    for (const l of ["Linear", "ReLU", "LeakyReLU", "ELU", "Sigmoid", "Tanh", "BatchNorm1d", "Softmax", "LogSoftmax"])
      expect(layers).toContain(l);
    expect(new Set(fx.optimizers.map((c) => c.optimizer))).toEqual(
      new Set(["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "Adadelta"]),
    );
  });

  describe("layers: output, input grad, parameter grads, running stats", () => {
    it.each(fx.layers.map((c) => [c.name, c] as const))("%s", (_, c) => agree(runLayerCase(c)));
  });

  describe("losses: value and grad", () => {
    it.each(fx.losses.map((c) => [c.name, c] as const))("%s", (_, c) => agree(runLossCase(c)));
  });

  describe("optimizers: the parameter after each of 10 steps", () => {
    it.each(fx.optimizers.map((c) => [c.name, c] as const))("%s", (_, c) => {
      agree(runOptimizerCase(c, fx.optimizerInputs[c.dtype]));
    });

    const sgdMomentum = fx.optimizers.filter(
      (c) => c.name.startsWith("SGD") && Object.keys(c.options).join() === "lr,momentum",
    );
    it.each(sgdMomentum.map((c) => [c.name, c] as const))("HeavyBall equals torch's %s (constant lr)", (_, c) => {
      agree(runHeavyBallCase(c, fx.optimizerInputs[c.dtype]));
    });
    it("HeavyBall has SGD-momentum cases to compare with", () => expect(sgdMomentum.length).toBe(2));
  });

  describe("lr schedulers: lr and momentum after construction and each step", () => {
    it.each(fx.schedulers.map((c) => [c.name, c] as const))("%s", (_, c) => agree(runSchedulerCase(c)));
    it.each(fx.plateau.map((c) => [c.name, c] as const))("%s", (_, c) => agree(runPlateauCase(c)));
  });

  describe("gradient clipping", () => {
    it.each(fx.clip.map((c) => [c.name, c] as const))("%s", (_, c) => agree(runClipCase(c)));
  });

  describe("init", () => {
    it("calculate_gain and the fans", () => agree(runGainsAndFans(fx.init)));
    it("kaiming/xavier samples fit torch's bounds and stds", () => expect(boundProblems(fx.init)).toEqual([]));
  });

  describe("invalid hyperparameters: torch's messages", () => {
    const label = (c: (typeof fx.errors)[number]) => `${c.target}(${JSON.stringify(c.options)})`;
    it.each(fx.errors.map((c) => [label(c), c] as const))("%s", (_, c) => {
      expect(libraryMessage(c)).toContain(c.expected);
    });
  });
});

// The float32 cases once more on each kernel the library can pick (the run above used the default: relaxed SIMD
// where the engine has it): the SIMD128 GEMM, and the TypeScript fallback (tiled GEMM, TypeScript optimizer loops).
const backends: [string, Gemm | null, boolean][] = [
  ["wasm-relaxed-simd", loadWasmGemm({}), true],
  ["wasm-simd", loadWasmGemm({ NN_KNOBS_NO_RELAXED_SIMD: "1" }), true],
  ["ts-tiled, TypeScript optimizer loops", tiledGemm, false],
];
describe.each(backends)("float32 cases on %s", (name, kernel, wasmUpdates) => {
  let prev: ReturnType<typeof setGemm> | undefined;
  const use = (): void => {
    expect(kernel, `${name} unavailable`).not.toBeNull();
    prev = setGemm(kernel, name);
    setWasmUpdates(wasmUpdates);
  };
  afterEach(() => {
    if (prev) setGemm(prev.kernel, prev.name);
    setWasmUpdates(true);
  });
  const f32 = <C extends { dtype: string }>(cases: C[]) => cases.filter((c) => c.dtype === "float32");
  it.each(f32(fx.layers).map((c) => [c.name, c] as const))("layer %s", (_, c) => {
    use();
    agree(runLayerCase(c));
  });
  it.each(f32(fx.optimizers).map((c) => [c.name, c] as const))("optimizer %s", (_, c) => {
    use();
    agree(runOptimizerCase(c, fx.optimizerInputs[c.dtype]));
  });
});
