import type { Dataset } from "../data/dataset";
import { mlp, CrossEntropyLoss, type MlpConfig } from "../nn";
import { SGD } from "../optim/sgd";
import { gatherRows } from "../tensor/ops";
import { Rng } from "../rng";

/** Training samples per second at one batch size: the best and the worst of the timings. */
export interface ThroughputPoint {
  m: number;
  best: number;
  worst: number;
}

/**
 * Samples per second of one training step (forward + backward + SGD step) on a pre-gathered batch, for each batch
 * size m: ~`samples` examples per timing (at least 4 steps), after 3 warm-up steps, timed `repeats` times. On a
 * shared machine the best timing is the one least disturbed by other processes; the worst shows the spread.
 * "At the cost of m backprops per update" — but not m times the time: bigger matrix products use the kernel better.
 * @example throughput(train, { sizes: [784, 64, 10] }, [1, 16, 128], 512, 5, 0)
 */
export function throughput(
  ds: Dataset,
  model: MlpConfig,
  sizes: number[],
  samples: number,
  repeats: number,
  seed: number,
): ThroughputPoint[] {
  const rng = new Rng(seed);
  return sizes.map((m) => {
    const net = mlp(model, seed);
    const opt = new SGD(net.parameters(), { lr: 0.01 });
    const loss = new CrossEntropyLoss();
    const idx = rng.choice(ds.y.length, m);
    const x = gatherRows(ds.x, idx);
    const y = Int32Array.from(idx, (i) => ds.y[i]);
    const step = () => {
      opt.zeroGrad();
      loss.forward(net.forward(x), y);
      net.backward(loss.backward(), false);
      opt.step();
    };
    const steps = Math.max(4, Math.ceil(samples / m));
    for (let s = 0; s < 3; s++) step();
    const rates = Array.from({ length: repeats }, () => {
      const t0 = performance.now();
      for (let s = 0; s < steps; s++) step();
      return (steps * m) / ((performance.now() - t0) / 1000);
    }).sort((a, b) => a - b);
    return { m, best: rates[repeats - 1], worst: rates[0] };
  });
}
