import { beforeAll, describe, expect, it, vi } from "vitest";
import { Rng, exercises } from "../../lib/src";
import { checkReshuffleOrder } from "../../lib/src/exercises/01-sgd-sample-order";

beforeAll(() => void vi.spyOn(console, "log").mockImplementation(() => {}));

/** Fisher–Yates with j drawn from `range(i)`; the right answer uses range(i) = [0, i]. */
function shuffle(n: number, seed: number, epoch: number, hi: (i: number, n: number) => number): Int32Array {
  const rng = new Rng(seed * 1_000_003 + epoch);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.integers(0, hi(i, n));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

let calls = 0;

describe("01 sample order: reshuffleOrder", () => {
  it("passes Fisher–Yates", () => {
    expect(() => checkReshuffleOrder((n, s, e) => shuffle(n, s, e, (i) => i + 1))).not.toThrow();
  });
  it.each([
    ["the naive shuffle (swap with any position)", (n: number, s: number, e: number) => shuffle(n, s, e, (_, m) => m)],
    ["j in [0, i) (Sattolo: only cyclic orders)", (n: number, s: number, e: number) => shuffle(n, s, e, (i) => i)],
    ["the same permutation every epoch (shuffle once)", (n: number, s: number) => shuffle(n, s, 0, (i) => i + 1)],
    ["the identity (sequential)", (n: number) => Int32Array.from({ length: n }, (_, i) => i)],
    ["a shuffle reseeded at every call", (n: number, s: number, e: number) => shuffle(n, s + ++calls, e, (i) => i + 1)],
    [
      "draws with replacement",
      (n: number, s: number, e: number) => {
        const rng = new Rng(s * 1_000_003 + e);
        return Int32Array.from({ length: n }, () => rng.integers(0, n));
      },
    ],
  ])("rejects %s", (_, f) => expect(() => checkReshuffleOrder(f)).toThrow(exercises.ExerciseFailed));
});
