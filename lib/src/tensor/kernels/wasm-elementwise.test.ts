import { afterEach, describe, expect, it } from "vitest";
import { Tensor } from "../tensor";
import { Rng } from "../../rng";
import {
  fastAddRowVector,
  fastAddSumRows,
  fastGrad,
  fastMap,
  fastSumSquares,
  fastZero,
  setWasmElementwise,
} from "./wasm-elementwise";
import { UpdateKernels, setWasmUpdates, wasmUpdatesUnavailable } from "./wasm-updates";
import { sigmoid } from "../../nn/activation-functions";

// The wasm elementwise loops against the TypeScript loops they stand in for (nn/activations.ts ReLU,
// optim/clip-grad.ts tensorNorm), on lengths 1–13 (the 4-wide vectors and the scalar tail) with the values where
// a comparison can go wrong: NaN (must stay NaN), ±0, ±Infinity, and random normals.

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1e-30, -1e-30];

function inputs(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? SPECIAL[(i / 3) % SPECIAL.length] : rng.normal()));
}

/** The same bits (Object.is on every entry: NaN = NaN, 0 ≠ −0). */
function sameBits(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe("wasm elementwise loops", () => {
  afterEach(() => setWasmElementwise(true));

  it("are available here (built into updates.wasm by npm run build)", () => {
    expect(wasmUpdatesUnavailable()).toBeNull();
  });

  it("run whatever the optimizers' switch says (the first use of this process is with it off)", () => {
    setWasmUpdates(false);
    try {
      const y = new Float32Array(2);
      expect(fastMap("relu", Float32Array.of(-1, 2), y)).toBe(true);
      expect(Array.from(y)).toEqual([0, 2]);
    } finally {
      setWasmUpdates(true);
    }
  });

  for (let n = 1; n <= 13; n++) {
    it(`ReLU forward and backward: the same bits as the TypeScript loops (n = ${n})`, () => {
      const x = inputs(n, n);
      const dy = inputs(n, 100 + n).reverse();
      const [y, dx] = [new Float32Array(n), new Float32Array(n)];
      expect(fastMap("relu", x, y)).toBe(true);
      expect(fastGrad("reluBackward", x, dy, dx)).toBe(true);
      const yTs = x.map((v) => (v <= 0 ? 0 : v));
      const dxTs = x.map((v, i) => (v <= 0 ? 0 : dy[i]));
      expect(sameBits(y, yTs)).toBe(true);
      expect(sameBits(dx, dxTs)).toBe(true);
      if (x.some(Number.isNaN)) expect(y.some(Number.isNaN)).toBe(true); // a diverged layer stays visible
    });
  }

  /** |a − b| in float32 ulps of b (b ≠ 0, finite). */
  const ulps = (a: number, b: number): number => {
    const next = new Float32Array([Math.abs(b)]);
    new Uint32Array(next.buffer)[0]++;
    return Math.abs(a - b) / (next[0] - Math.abs(b));
  };

  for (const [name, ref] of [
    ["tanh", Math.tanh],
    ["sigmoid", sigmoid],
  ] as const) {
    it(`${name}: within 3 float32 ulps of the correctly rounded value over ±20 and beyond, special values exact`, () => {
      const n = 400_003; // every 1e-4 from −20 to 20, and not a multiple of 4
      const x = Float32Array.from({ length: n }, (_, i) => -20 + (40 * i) / (n - 1));
      const y = new Float32Array(n);
      expect(fastMap(name, x, y)).toBe(true);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, ulps(y[i], Math.fround(ref(x[i]))));
      expect(worst).toBeLessThanOrEqual(3); // measured: 1 (tanh), 2 (sigmoid)
      // far tails (subnormal sigmoid down to e^-103), NaN, ±0 and ±∞: the correctly rounded float32, bit for bit
      const special = Float32Array.of(NaN, 0, -0, Infinity, -Infinity, 50, -50, -90, -103, -200, 1e-30, -1e-30);
      const out = new Float32Array(special.length);
      fastMap(name, special, out);
      special.forEach((v, i) => {
        const want = Math.fround(ref(v));
        if (Number.isNaN(want) || want === 0 || Math.abs(want) === 1) expect(out[i]).toBe(want);
        else expect(ulps(out[i], want)).toBeLessThanOrEqual(3);
      });
    });
  }

  it("tanh and sigmoid backward: dx = dy·(1 − y²) and dy·y·(1 − y) in float32 arithmetic, bit for bit", () => {
    const n = 1001;
    const y = Float32Array.from(inputs(n, 3).map((v) => (Number.isFinite(v) ? Math.tanh(v) : v)));
    const dy = inputs(n, 4);
    const f = Math.fround;
    const [dt, ds] = [new Float32Array(n), new Float32Array(n)];
    expect(fastGrad("tanhBackward", y, dy, dt)).toBe(true);
    expect(fastGrad("sigmoidBackward", y, dy, ds)).toBe(true);
    expect(
      sameBits(
        dt,
        y.map((v, i) => f(dy[i] * f(1 - f(v * v)))),
      ),
    ).toBe(true);
    expect(
      sameBits(
        ds,
        y.map((v, i) => f(f(dy[i] * v) * f(1 - v))),
      ),
    ).toBe(true);
  });

  for (const [rows, cols] of [
    [1, 1],
    [3, 5],
    [7, 8],
    [64, 13],
  ]) {
    it(`bias add and bias gradient (${rows} × ${cols}): the same bits as the TypeScript loops`, () => {
      const x = inputs(rows * cols, rows + cols);
      const b = inputs(cols, 7).map((v) => (Number.isFinite(v) ? v : 0.25));
      const y = new Float32Array(rows * cols);
      expect(fastAddRowVector(rows, cols, x, b, y)).toBe(true);
      expect(
        sameBits(
          y,
          x.map((v, i) => Math.fround(v + b[i % cols])),
        ),
      ).toBe(true);
      const out = inputs(cols, 9);
      const want = Float32Array.from(out);
      for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) want[j] += x[r * cols + j]; // float32 each add
      expect(fastAddSumRows(rows, cols, x, out)).toBe(true);
      expect(sameBits(out, want)).toBe(true);
    });
  }

  it("tensors larger than the copy chunk (2^18 floats) give the same bits, chunk by chunk", () => {
    const [rows, cols] = [1100, 513]; // 564,300 floats: three chunks of whole rows
    const x = inputs(rows * cols, 11);
    const b = Float32Array.from({ length: cols }, (_, j) => j / 7 - 30);
    const [y, z] = [new Float32Array(rows * cols), new Float32Array(rows * cols)];
    expect(fastMap("relu", x, y)).toBe(true);
    expect(
      sameBits(
        y,
        x.map((v) => (v <= 0 ? 0 : v)),
      ),
    ).toBe(true);
    expect(fastAddRowVector(rows, cols, x, b, z)).toBe(true);
    expect(
      sameBits(
        z,
        x.map((v, i) => Math.fround(v + b[i % cols])),
      ),
    ).toBe(true);
    const [sums, want] = [new Float32Array(cols), new Float32Array(cols)];
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) want[j] += y[r * cols + j];
    expect(fastAddSumRows(rows, cols, y, sums)).toBe(true);
    expect(sameBits(sums, want)).toBe(true);
  });

  it("sum of squares: the float64 sum of the same terms (to float64 rounding), NaN and Infinity propagate", () => {
    for (const n of [1, 5, 8, 13, 1003]) {
      const g = Float32Array.from(inputs(n, n).map((v) => (Number.isFinite(v) ? v : 0.5)));
      let ts = 0;
      for (let i = 0; i < n; i++) ts += g[i] * g[i];
      expect(Math.abs((fastSumSquares(g) as number) - ts)).toBeLessThanOrEqual(1e-14 * ts);
    }
    expect(fastSumSquares(Float32Array.of(1, NaN, 2))).toBeNaN();
    expect(fastSumSquares(Float32Array.of(1, 2, 3, 4, 5, -Infinity))).toBe(Infinity);
  });

  it("run in place on data resident in an optimizer's memory, and copy in and out otherwise", () => {
    const k = UpdateKernels.create() as UpdateKernels;
    const t = Tensor.fromArray([-1, 2, -3, 4, 5], 1, 5);
    k.adopt(t);
    expect(UpdateKernels.home(t.data)).toBe(k); // now a view into k's memory, same values
    expect(Array.from(t.data)).toEqual([-1, 2, -3, 4, 5]);
    const out = k.zeros(1, 5).data as Float32Array;
    expect(fastMap("relu", t.data, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 2, 0, 4, 5]);
    expect(fastSumSquares(t.data)).toBe(55);
    expect(fastZero(t.data)).toBe(true);
    expect(Array.from(t.data)).toEqual([0, 0, 0, 0, 0]);
    expect(fastZero(new Float32Array(3))).toBe(false); // not resident: the caller's fill runs
  });

  it("step aside for float64 data and when switched off (the caller's loop runs)", () => {
    expect(fastMap("relu", new Float64Array(4), new Float64Array(4))).toBe(false);
    expect(fastSumSquares(new Float64Array(4))).toBeNull();
    setWasmElementwise(false);
    expect(fastMap("tanh", new Float32Array(4), new Float32Array(4))).toBe(false);
    expect(fastSumSquares(new Float32Array(4))).toBeNull();
  });
});
