import { Rng } from "../rng";
import { Tensor, type Data } from "../tensor/tensor";
import type { Augmentation } from "./augment";
import { deriveSeed, STREAM } from "./derive-seed";
import { imageSide } from "./image-ops";

/**
 * The generator the DataLoader uses to augment sample `index` in `epoch`: a function of (seed, epoch, index) only,
 * so an image's augmentation does not depend on the batch size, the sampler or the batch it lands in.
 * (With the "replacement" sampler a sample drawn twice in one epoch gets the same augmentation twice.)
 *
 * @example augment.rotate()(img, sampleRng(loaderSeed, epoch, i)); // what the loader did to row i in that epoch
 */
export function sampleRng(seed: number, epoch: number, index: number): Rng {
  return new Rng(deriveSeed(seed, STREAM.augment, epoch, index));
}

/**
 * n augmented copies of one image, as the rows of an n × 784 tensor (copy i uses the generator for (seed, i)):
 * the data for an image-grid figure of what an augmentation does.
 *
 * @example augmentGrid(mnist.x.row(0), augment.rotate({ maxDegrees: 30 }), { n: 8, seed: 0 }); // 8 × 784
 */
export function augmentGrid(img: Data, aug: Augmentation, opts: { n?: number; seed?: number } = {}): Tensor {
  const { n = 8, seed = 0 } = opts;
  imageSide(img.length, "augmentGrid");
  if (!Number.isInteger(n) || n < 1) throw new Error(`augmentGrid: n must be a positive integer, got ${n}`);
  const out = Tensor.zeros(n, img.length);
  for (let i = 0; i < n; i++) {
    const row = out.row(i);
    row.set(img);
    aug(row, new Rng(deriveSeed(seed, STREAM.grid, i)));
  }
  return out;
}
