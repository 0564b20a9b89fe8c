import { Rng } from "../rng";
import type { Data } from "../tensor/tensor";
import { affineImage, flipImage, shiftImage } from "./image-ops";

/** What an augmentation is, as plain JSON (for configs, History rows, checkpoints and worker threads). */
export type AugmentConfig =
  | { name: "translate"; maxShift: number }
  | { name: "rotate"; degrees: [number, number] }
  | { name: "scale"; min: number; max: number }
  | { name: "hflip"; p: number }
  | { name: "gaussianNoise"; mean: number; std: number; clip: boolean }
  | { name: "intensityJitter"; brightness: number; contrast: number }
  | { name: "compose"; steps: AugmentConfig[] };

/**
 * A random transform of one image (a row of 784 values, changed in place) that draws everything from `rng`,
 * plus its `config`. `JSON.stringify` gives the config; `augmentFromConfig(config)` rebuilds it.
 */
export interface Augmentation {
  (img: Data, rng: Rng): void;
  readonly config: AugmentConfig;
  toJSON(): AugmentConfig;
}

function make(config: AugmentConfig, apply: (img: Data, rng: Rng) => void): Augmentation {
  return Object.assign(apply, { config, toJSON: () => config, toString: () => JSON.stringify(config) });
}

// One reusable scratch buffer per dtype: JS is single-threaded and the ops never nest.
let scratch32 = new Float32Array(0);
let scratch64 = new Float64Array(0);

/** Runs a pixel op from a scratch copy back into `img` (the ops need distinct input and output buffers). */
function viaScratch(img: Data, op: (src: Data, out: Data) => void): void {
  let src: Data;
  if (img instanceof Float64Array) {
    if (scratch64.length !== img.length) scratch64 = new Float64Array(img.length);
    src = scratch64;
  } else {
    if (scratch32.length !== img.length) scratch32 = new Float32Array(img.length);
    src = scratch32;
  }
  src.set(img);
  op(src, img);
}

const range = (what: string, ok: boolean, v: unknown) => {
  if (!ok) throw new Error(`${what}, got ${JSON.stringify(v)}`);
};

/** Shifts by whole pixels, dx and dy uniform in −maxShift..maxShift, zero fill. Like torchvision's
 * `RandomAffine(0, translate=…)` but in integer pixels. @example translate({ maxShift: 2 }) */
export function translate(opts: { maxShift?: number } = {}): Augmentation {
  const maxShift = opts.maxShift ?? 2;
  range("translate: maxShift must be a non-negative integer", Number.isInteger(maxShift) && maxShift >= 0, maxShift);
  return make({ name: "translate", maxShift }, (img, rng) => {
    const dx = rng.integers(-maxShift, maxShift + 1);
    const dy = rng.integers(-maxShift, maxShift + 1);
    viaScratch(img, (src, out) => shiftImage(src, dx, dy, out));
  });
}

/** Rotates by an angle uniform in [−maxDegrees, maxDegrees] (or in `degrees: [lo, hi]`), counter-clockwise, bilinear,
 * zero fill; same as `torchvision.transforms.RandomRotation(degrees)`. @example rotate({ maxDegrees: 15 }) */
export function rotate(opts: { maxDegrees?: number; degrees?: [number, number] } = {}): Augmentation {
  const m = opts.maxDegrees ?? 15;
  const degrees = opts.degrees ?? [-m, m];
  range("rotate: degrees must be [lo, hi] with lo <= hi", degrees[0] <= degrees[1], degrees);
  return make({ name: "rotate", degrees }, (img, rng) => {
    const a = rng.uniform(degrees[0], degrees[1]);
    viaScratch(img, (src, out) => affineImage(src, a, 1, out));
  });
}

/** Zooms about the centre by a factor uniform in [min, max] (bilinear, zero fill); torchvision's
 * `RandomAffine(0, scale=(min, max))`. @example scale({ min: 0.9, max: 1.1 }) */
export function scale(opts: { min?: number; max?: number } = {}): Augmentation {
  const min = opts.min ?? 0.9;
  const max = opts.max ?? 1.1;
  range("scale: need 0 < min <= max", min > 0 && min <= max, [min, max]);
  return make({ name: "scale", min, max }, (img, rng) => {
    const f = rng.uniform(min, max);
    viaScratch(img, (src, out) => affineImage(src, 0, f, out));
  });
}

/** Mirrors left ↔ right with probability p; `RandomHorizontalFlip(p)`. Careful on digits: a mirrored 2 is no 2.
 * @example hflip({ p: 0.5 }) */
export function hflip(opts: { p?: number } = {}): Augmentation {
  const p = opts.p ?? 0.5;
  range("hflip: p must be in [0, 1]", p >= 0 && p <= 1, p);
  return make({ name: "hflip", p }, (img, rng) => {
    if (rng.uniform() < p) viaScratch(img, (src, out) => flipImage(src, out));
  });
}

/** Adds N(mean, std²) to every pixel, then (clip, default true) clamps to [0, 1]; same as
 * `torchvision.transforms.v2.GaussianNoise(mean, sigma=std, clip)`. @example gaussianNoise({ std: 0.1 }) */
export function gaussianNoise(opts: { mean?: number; std?: number; clip?: boolean } = {}): Augmentation {
  const { mean = 0, std = 0.1, clip = true } = opts;
  range("gaussianNoise: std must be non-negative", std >= 0, std);
  return make({ name: "gaussianNoise", mean, std, clip }, (img, rng) => {
    for (let i = 0; i < img.length; i++) {
      const v = img[i] + rng.normal(mean, std);
      img[i] = clip ? Math.min(1, Math.max(0, v)) : v;
    }
  });
}

/** Brightness x ← b·x with b ~ U[1 − brightness, 1 + brightness], then contrast x ← c·x + (1 − c)·mean(x) with
 * c ~ U[1 − contrast, 1 + contrast], each clamped to [0, 1]: torchvision's `ColorJitter(brightness, contrast)`
 * for a grey image, in a fixed order (torchvision picks a random order). @example intensityJitter({ brightness: 0.2 }) */
export function intensityJitter(opts: { brightness?: number; contrast?: number } = {}): Augmentation {
  const { brightness = 0.2, contrast = 0.2 } = opts;
  range("intensityJitter: brightness and contrast must be non-negative", brightness >= 0 && contrast >= 0, opts);
  return make({ name: "intensityJitter", brightness, contrast }, (img, rng) => {
    const b = rng.uniform(Math.max(0, 1 - brightness), 1 + brightness);
    const c = rng.uniform(Math.max(0, 1 - contrast), 1 + contrast);
    let m = 0;
    for (let i = 0; i < img.length; i++) m += img[i] = Math.min(1, Math.max(0, b * img[i]));
    m /= img.length;
    for (let i = 0; i < img.length; i++) img[i] = Math.min(1, Math.max(0, c * img[i] + (1 - c) * m));
  });
}

/** Applies the steps in order with the same rng; `torchvision.transforms.Compose`.
 * @example compose(rotate({ maxDegrees: 10 }), translate({ maxShift: 2 })) */
export function compose(...steps: Augmentation[]): Augmentation {
  return make({ name: "compose", steps: steps.map((s) => s.config) }, (img, rng) => {
    for (const step of steps) step(img, rng);
  });
}
