import { describe, expect, test } from "vitest";
import { Sampler, samplerKinds } from "./sampler";

const n = 50;
const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 5); // 0, 2, 4, 1, 3, 0, … : mixed classes
const make = (kind: (typeof samplerKinds)[number], seed = 3) => new Sampler(kind, { n, seed, labels });
const arr = (a: Int32Array) => Array.from(a);
const isPermutation = (a: Int32Array) =>
  arr(a)
    .sort((x, y) => x - y)
    .join() === Array.from({ length: n }, (_, i) => i).join();

describe("Sampler", () => {
  test("sequential is the stored order every epoch", () => {
    const s = make("sequential");
    expect(arr(s.order(0))).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(arr(s.order(4))).toEqual(arr(s.order(0)));
  });

  test("sorted: labels non-decreasing, stable (ties keep stored order), all samples once", () => {
    const o = make("sorted").order(2);
    expect(isPermutation(o)).toBe(true);
    for (let k = 1; k < n; k++) {
      const [a, b] = [o[k - 1], o[k]];
      expect(labels[a] < labels[b] || (labels[a] === labels[b] && a < b)).toBe(true);
    }
    expect(arr(o.subarray(0, 10))).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]); // 7i ≡ 0 (mod 5) ⇔ i ≡ 0
  });

  test("reshuffle: each epoch a permutation (every sample exactly once), a new one each epoch", () => {
    const s = make("reshuffle");
    const orders = [0, 1, 2, 3].map((e) => arr(s.order(e)));
    for (const o of orders) expect(isPermutation(Int32Array.from(o))).toBe(true);
    expect(new Set(orders.map((o) => o.join())).size).toBe(4);
    expect(orders[0]).not.toEqual(arr(make("sequential").order(0)));
    expect(arr(s.order(0))).toEqual(orders[0]); // recomputed from (seed, epoch), not from a stream position
  });

  test("replacement: n i.i.d. draws per epoch, so duplicates (and misses) occur", () => {
    const s = make("replacement");
    const o = s.order(0);
    expect(o.length).toBe(n);
    expect(o.every((i) => i >= 0 && i < n)).toBe(true);
    // P(no duplicate in 50 draws from 50) = 50!/50^50 ≈ 3e-21, so this cannot pass by luck.
    expect(new Set(o).size).toBeLessThan(n);
    expect(arr(s.order(1))).not.toEqual(arr(o));
  });

  test("shuffle-once: one permutation, repeated every epoch", () => {
    const s = make("shuffle-once");
    const o = arr(s.order(0));
    expect(isPermutation(s.order(0))).toBe(true);
    expect(o).not.toEqual(arr(make("sequential").order(0)));
    expect(arr(s.order(1))).toEqual(o);
    expect(arr(s.order(7))).toEqual(o);
  });

  test("same seed → same order; another seed → another order; state is plain JSON", () => {
    for (const kind of ["reshuffle", "replacement", "shuffle-once"] as const) {
      expect(arr(make(kind, 11).order(2))).toEqual(arr(make(kind, 11).order(2)));
      expect(arr(make(kind, 11).order(2))).not.toEqual(arr(make(kind, 12).order(2)));
    }
    const st = make("reshuffle", 11).getState();
    expect(JSON.parse(JSON.stringify(st))).toEqual({ kind: "reshuffle", seed: 11, n });
    expect(arr(new Sampler(st.kind, { ...st, labels }).order(5))).toEqual(arr(make("reshuffle", 11).order(5)));
  });

  test("errors", () => {
    expect(() => new Sampler("random" as never, { n, seed: 0 })).toThrow('Sampler: unknown kind "random"');
    expect(() => new Sampler("sorted", { n, seed: 0 })).toThrow('Sampler "sorted": needs the 50 labels');
    expect(() => make("reshuffle").order(-1)).toThrow("epoch must be a non-negative integer");
  });
});
