/** Checks for notebook 01 (SGD sample order). Labels never print the expected answer. */
import { ExerciseFailed, checkTrue } from "../exercise";

/**
 * Exercise 1: `reshuffleOrder(n, seed, epoch)`, the lecture's "best" order — a uniformly random permutation of
 * 0..n−1, a new one every epoch, the same one again for the same (seed, epoch). Checks that it is a permutation,
 * that epochs differ, that it is reproducible, and that all 6 orders of 3 items come out equally often over 30,000
 * epochs (±0.015 around 1/6; the naive swap-with-any-position shuffle fails this).
 */
export function checkReshuffleOrder(
  reshuffleOrder: (n: number, seed: number, epoch: number) => ArrayLike<number>,
): void {
  if (typeof reshuffleOrder !== "function") throw new ExerciseFailed("✗ reshuffleOrder: expected a function");
  const e0 = Array.from(reshuffleOrder(1000, 1, 0)),
    e1 = Array.from(reshuffleOrder(1000, 1, 1));
  checkTrue("a permutation of 0..n−1", e0.length === 1000 && [...e0].sort((a, b) => a - b).every((v, i) => v === i));
  checkTrue(
    "epoch 1 differs from epoch 0",
    e0.some((v, i) => v !== e1[i]),
  );
  const again = Array.from(reshuffleOrder(1000, 1, 0));
  checkTrue(
    "the same (seed, epoch) gives the same order",
    again.every((v, i) => v === e0[i]),
  );
  const names = ["012", "021", "102", "120", "201", "210"],
    counts = [0, 0, 0, 0, 0, 0],
    epochs = 30000;
  for (let e = 0; e < epochs; e++) {
    const k = names.indexOf(Array.from(reshuffleOrder(3, 1, e)).join(""));
    if (k < 0) throw new ExerciseFailed("✗ reshuffleOrder(3, …) must return a permutation of 0, 1, 2");
    counts[k]++;
  }
  const freqs = counts.map((c) => c / epochs);
  checkTrue(
    "all 6 orders of 3 items equally likely",
    freqs.every((f) => Math.abs(f - 1 / 6) < 0.015),
    `frequencies ${freqs.map((f) => f.toFixed(3)).join(", ")}`,
  );
}
