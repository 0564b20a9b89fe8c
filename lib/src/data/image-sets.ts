import { Rng } from "../rng";
import { Tensor, type Data } from "../tensor/tensor";
import { affineImage, flipImage, shiftImage } from "./image-ops";

/** A pixel operation: writes a transformed copy of `src` into `out` (it may draw from `rng`). */
export type PixelOp = (src: Data, out: Data, rng: Rng) => void;

/** Images with labels, e.g. a `Dataset` or a validation set: x is n × pixels. */
export interface LabelledImages {
  x: Tensor;
  y: Int32Array;
}

/**
 * A copy of a labelled image set with `op` applied to every image (in order, drawing from one generator seeded
 * with `seed`), labels unchanged: a shifted, rotated or mirrored validation set. The input is not modified.
 * Like mapping a torchvision transform over a test set once, with a fixed seed.
 * @example transformImages(val, mirror(), 0)   // every validation image mirrored
 */
export function transformImages(data: LabelledImages, op: PixelOp, seed: number): LabelledImages {
  const x = Tensor.zeros(data.x.rows, data.x.cols);
  const rng = new Rng(seed);
  for (let i = 0; i < data.x.rows; i++) op(data.x.row(i), x.row(i), rng);
  return { x, y: data.y };
}

const DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];

/** Moves every image by exactly `k` whole pixels, left, right, up or down (drawn per image), zero fill. */
export function shiftBy(k: number): PixelOp {
  if (!Number.isInteger(k) || k < 0) throw new Error(`shiftBy: k must be a whole number of pixels ≥ 0, got ${k}`);
  return (src, out, rng) => {
    const [dx, dy] = DIRECTIONS[rng.integers(0, 4)];
    shiftImage(src, k * dx, k * dy, out);
  };
}

/** Rotates every image by exactly +`degrees` or −`degrees` (sign drawn per image) about its centre, bilinear. */
export function rotateBy(degrees: number): PixelOp {
  if (!Number.isFinite(degrees)) throw new Error(`rotateBy: degrees must be a finite number, got ${degrees}`);
  return (src, out, rng) => {
    affineImage(src, rng.uniform() < 0.5 ? degrees : -degrees, 1, out);
  };
}

/** Mirrors every image left ↔ right (no randomness). */
export function mirror(): PixelOp {
  return (src, out) => {
    flipImage(src, out);
  };
}
