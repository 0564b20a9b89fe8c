import { describe, expect, it } from "vitest";
import { Tensor } from "./tensor";
import {
  add,
  addRowVector,
  addScaledInPlace,
  addSumRows,
  allFinite,
  argmaxRows,
  dropoutMask,
  gatherRows,
  map,
  maxAbs,
  mean,
  mul,
  norm,
  rand,
  randn,
  scale,
  std,
  sub,
  sum,
  sumRows,
  transpose,
  zip,
} from "./ops";
import { Rng } from "../rng";

const A = () =>
  Tensor.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const B = () =>
  Tensor.fromRows([
    [1, 0, -1],
    [2, 1, 0],
  ]);

describe("elementwise ops on 2 × 3 examples", () => {
  it("add, sub, mul, scale, map, zip", () => {
    expect(add(A(), B()).toRows()).toEqual([
      [2, 2, 2],
      [6, 6, 6],
    ]);
    expect(sub(A(), B()).toRows()).toEqual([
      [0, 2, 4],
      [2, 4, 6],
    ]);
    expect(mul(A(), B()).toRows()).toEqual([
      [1, 0, -3],
      [8, 5, 0],
    ]);
    expect(scale(A(), -2).toRows()).toEqual([
      [-2, -4, -6],
      [-8, -10, -12],
    ]);
    expect(map(A(), (v) => v * v).toRows()).toEqual([
      [1, 4, 9],
      [16, 25, 36],
    ]);
    expect(zip(A(), B(), (a, b) => a - 2 * b).toRows()).toEqual([
      [-1, 2, 5],
      [0, 3, 6],
    ]);
  });

  it("writes into `out` when given (and then returns it)", () => {
    const out = Tensor.zeros(2, 3);
    expect(add(A(), B(), out)).toBe(out);
    expect(out.toRows()).toEqual([
      [2, 2, 2],
      [6, 6, 6],
    ]);
    const a = A();
    expect(mul(a, B(), a).toRows()).toEqual([
      [1, 0, -3],
      [8, 5, 0],
    ]); // in place is fine elementwise
    expect(() => add(A(), B(), Tensor.zeros(3, 2))).toThrow(
      "add (out): expected equal shapes, got [2, 3] float32 and [3, 2] float32",
    );
  });

  it("addScaledInPlace is a += s·b", () => {
    const a = A();
    expect(addScaledInPlace(a, B(), 0.5)).toBe(a);
    expect(a.toRows()).toEqual([
      [1.5, 2, 2.5],
      [5, 5.5, 6],
    ]);
  });

  it("addRowVector adds a bias to every row; sumRows sums the rows (the bias gradient)", () => {
    expect(addRowVector(A(), Tensor.fromRows([[10, 20, 30]])).toRows()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    expect(sumRows(A()).toRows()).toEqual([[5, 7, 9]]);
    expect(() => addRowVector(A(), Tensor.zeros(1, 2))).toThrow(
      "addRowVector: expected a bias of shape [1, 3], got [2, 3] float32 and [1, 2] float32",
    );
  });

  it("rejects different shapes, naming both", () => {
    expect(() => add(A(), Tensor.zeros(3, 2))).toThrow(
      "add: expected equal shapes, got [2, 3] float32 and [3, 2] float32",
    );
    expect(() => zip(A(), Tensor.zeros(2, 2), (a) => a)).toThrow("zip: expected equal shapes");
  });
});

describe("reductions and helpers", () => {
  it("sum, mean, std (population), norm, maxAbs", () => {
    expect(sum(A())).toBe(21);
    expect(mean(A())).toBe(3.5);
    // 1..6: Σ(v − 3.5)² = 2·(6.25 + 2.25 + 0.25) = 17.5; /6 → 35/12
    expect(std(A())).toBeCloseTo(Math.sqrt(35 / 12), 12);
    expect(norm(A())).toBeCloseTo(Math.sqrt(91), 12); // 1 + 4 + 9 + 16 + 25 + 36
    expect(maxAbs(Tensor.fromRows([[1, -7, 3]]))).toBe(7);
    expect(mean(Tensor.zeros(0, 3))).toBeNaN();
  });

  it("argmaxRows picks the first largest entry per row", () => {
    expect(
      Array.from(
        argmaxRows(
          Tensor.fromRows([
            [0, 3, 1],
            [-1, -5, -0.5],
            [2, 2, 1],
          ]),
        ),
      ),
    ).toEqual([1, 2, 0]);
  });

  it("allFinite, gatherRows, transpose", () => {
    expect(allFinite(A())).toBe(true);
    expect(allFinite(Tensor.fromRows([[1, NaN]]))).toBe(false);
    expect(allFinite(Tensor.fromRows([[Infinity]]))).toBe(false);
    expect(gatherRows(A(), [1, 1, 0]).toRows()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(() => gatherRows(A(), [2])).toThrow("gatherRows: index 2 out of range for [2, 3] float32");
    expect(transpose(A()).toRows()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it("randn and rand are reproducible from an Rng and keep their dtype", () => {
    expect(randn(2, 3, new Rng(1)).data).toEqual(randn(2, 3, new Rng(1)).data);
    const u = rand(50, 50, new Rng(2), -1, 1, "float64");
    expect(u.dtype).toBe("float64");
    expect(u.data.every((v) => v >= -1 && v < 1)).toBe(true);
    const n = randn(1, 1, new Rng(3), 2, 10, "float64"); // mean 10, std 2
    expect(n.data[0]).toBe(new Rng(3).normal(10, 2));
  });

  it("dropoutMask keeps an entry (as 1/keep) iff its 32-bit draw is below keep·2³²", () => {
    const m = dropoutMask(new Rng(5), 0.75, Tensor.zeros(40, 50));
    const r = new Rng(5);
    for (let i = 0; i < m.size; i++)
      expect(m.data[i]).toBe(r.nextUint32() < 0.75 * 2 ** 32 ? Math.fround(1 / 0.75) : 0);
    const kept = m.data.filter((v) => v > 0).length / m.size;
    expect(kept).toBeGreaterThan(0.7); // 2000 draws: the kept fraction is 0.75 ± 0.01 (one std)
    expect(kept).toBeLessThan(0.8);
    expect(Array.from(dropoutMask(new Rng(5), 0, Tensor.zeros(1, 3)).data)).toEqual([0, 0, 0]);
  });

  it("addSumRows adds the column sums into a 1 × cols gradient", () => {
    const x = Tensor.fromRows([[1, 2], [3, 4], [5, 6]]); // prettier-ignore
    const g = Tensor.fromRows([[10, 20]]);
    expect(Array.from(addSumRows(x, g).data)).toEqual([10 + 1 + 3 + 5, 20 + 2 + 4 + 6]);
    expect(() => addSumRows(x, Tensor.zeros(1, 3))).toThrow("addSumRows (out): expected [1, 2]");
  });
});
