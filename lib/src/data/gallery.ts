import type { Data } from "../tensor/tensor";
import type { Augmentation } from "./augment";
import { fromConfig, type AugmentSpec } from "./augment-config";
import { augmentGrid } from "./augment-grid";
import type { Dataset } from "./dataset";
import { DataLoader, type DataLoaderOptions } from "./loader";
import type { PixelOp } from "./image-sets";
import { Rng } from "../rng";

/** One picture of a gallery: what `plot.imageGrid` draws. */
export interface GalleryImage {
  pixels: Data;
  title: string;
}

/**
 * One row per augmentation: the original image titled with the augmentation's name, then `n` random draws (draw i
 * uses the generator for (seed, i), as `augmentGrid`). For `plot.imageGrid(…, { columns: n + 1 })`.
 * @example augmentGallery(img, { rotate: [{ name: "rotate", maxDegrees: 15 }] }, { n: 5 })
 */
export function augmentGallery(
  img: Data,
  augs: Record<string, Augmentation | AugmentSpec | AugmentSpec[]>,
  opts: { n?: number; seed?: number } = {},
): GalleryImage[] {
  const { n = 5, seed = 0 } = opts;
  return Object.entries(augs).flatMap(([name, aug]) => {
    const draws = augmentGrid(img, typeof aug === "function" ? aug : fromConfig(aug), { n, seed });
    return [
      { pixels: img, title: name },
      ...Array.from({ length: n }, (_, i) => ({ pixels: draws.row(i), title: `draw ${i + 1}` })),
    ];
  });
}

/**
 * The first image of each class (a row titled by the label), then each of them transformed by `op` (a second row
 * titled `"<opTitle> <label>"`): e.g. every digit next to its mirror image. Classes without an image are skipped.
 */
export function classGallery(ds: Dataset, op: PixelOp, opTitle: string, seed = 0): GalleryImage[] {
  const ys = Array.from(ds.y);
  const firsts = Array.from({ length: ds.numClasses }, (_, c) => ys.indexOf(c)).filter((i) => i >= 0);
  const rng = new Rng(seed);
  const originals = firsts.map((i) => ({ pixels: ds.x.row(i), title: String(ds.y[i]) }));
  const changed = firsts.map((i) => {
    const out = new Float32Array(ds.x.cols);
    op(ds.x.row(i), out, rng);
    return { pixels: out, title: `${opTitle} ${ds.y[i]}` };
  });
  return [...originals, ...changed];
}

/**
 * Dataset row `index` exactly as a `DataLoader` with `options` delivers it in `epoch` (0-based): augmented on the
 * fly, copied out of the loader's reused batch buffer. Shows that a sample's augmentation depends on (seed, epoch,
 * index) only, not on the batch size. Runs the loader through epochs 0..epoch.
 */
export function deliveredSample(ds: Dataset, options: DataLoaderOptions, epoch: number, index: number): Data {
  if (!Number.isInteger(index) || index < 0 || index >= ds.x.rows) {
    throw new Error(`deliveredSample: index must be a row of the dataset (0..${ds.x.rows - 1}), got ${index}`);
  }
  if (!Number.isInteger(epoch) || epoch < 0) throw new Error(`deliveredSample: epoch must be ≥ 0, got ${epoch}`);
  const loader = new DataLoader(ds, options);
  for (let e = 0; e <= epoch; e++) {
    for (const b of loader) {
      const r = b.indices.indexOf(index);
      if (e === epoch && r >= 0) return b.x.row(r).slice();
    }
  }
  throw new Error(`deliveredSample: row ${index} was not delivered in epoch ${epoch} (a "replacement" sampler?)`);
}
