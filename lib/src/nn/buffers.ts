import type { Tensor } from "../tensor";
import { Rng } from "../rng";

/** Internal helpers shared by the layers (not part of the public barrel). Buffer reuse: tensor/scratch.ts. */
export { reuse } from "../tensor";

/** The generator a layer draws from: `{ rng }` or `{ seed }`; one is required so every run is reproducible. */
export function layerRng(layer: string, opts: { rng?: Rng; seed?: number }): Rng {
  if (opts.rng) return opts.rng;
  if (opts.seed !== undefined) return new Rng(opts.seed);
  throw new Error(`${layer}: pass { seed: <number> } or { rng: <Rng> } so that the random draws are reproducible`);
}

/** Throws unless `x` is [*, features]: "<layer>: expected input [*, 100], got [32, 50] float32". */
export function checkFeatures(layer: string, x: Tensor, features: number): void {
  if (x.cols !== features) throw new Error(`${layer}: expected input [*, ${features}], got ${x.shapeString}`);
}

/** Throws unless dy has the shape of the last forward's output. */
export function checkGrad(layer: string, dy: Tensor, rows: number, cols: number): void {
  if (dy.rows !== rows || dy.cols !== cols) {
    throw new Error(
      `${layer}.backward: expected dy [${rows}, ${cols}] (the shape of the last output), got ${dy.shapeString}`,
    );
  }
}

/** Throws if backward is called before forward. */
export function needForward<T>(layer: string, cached: T | undefined): T {
  if (cached === undefined) throw new Error(`${layer}.backward: call forward first`);
  return cached;
}

/** Throws a clear error naming the loss if t has a NaN or ±Infinity (a diverged model). */
export function checkFinite(where: string, what: string, t: Tensor): void {
  for (let k = 0; k < t.data.length; k++) {
    if (!Number.isFinite(t.data[k])) {
      const [i, j] = [Math.floor(k / t.cols), k % t.cols];
      throw new Error(
        `${where}: the ${what} ${t.shapeString} contains ${t.data[k]} (first at [${i}, ${j}]); ` +
          "the model has probably diverged: lower the learning rate or clip gradients",
      );
    }
  }
}
