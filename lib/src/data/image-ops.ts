import type { Data } from "../tensor/tensor";

/**
 * Deterministic pixel operations on one square image stored as a row (28 × 28 = 784 values, row-major, row 0 at
 * the top). The random augmentations in augment.ts draw their parameters and call these. Each writes into `out`
 * (which must not be `img`) and returns it.
 */

/** The side of a square image of `length` pixels (784 → 28), or a clear error. */
export function imageSide(length: number, where: string): number {
  const side = Math.round(Math.sqrt(length));
  if (side * side !== length || side === 0) {
    throw new Error(`${where}: expected a square image as one row (e.g. 784 = 28×28 values), got ${length} values`);
  }
  return side;
}

function checkOut(img: Data, out: Data, where: string): number {
  if (out === img) throw new Error(`${where}: out must be a different buffer from img`);
  if (out.length !== img.length) throw new Error(`${where}: out has ${out.length} values, img has ${img.length}`);
  return imageSide(img.length, where);
}

/**
 * Moves the image `dx` pixels right and `dy` pixels down (integers), filling uncovered pixels with 0:
 * out[r][c] = img[r − dy][c − dx].
 */
export function shiftImage(img: Data, dx: number, dy: number, out: Data): Data {
  const s = checkOut(img, out, "shiftImage");
  if (!Number.isInteger(dx) || !Number.isInteger(dy))
    throw new Error(`shiftImage: shifts must be integers, got ${dx}, ${dy}`);
  for (let r = 0; r < s; r++) {
    const sr = r - dy;
    for (let c = 0; c < s; c++) {
      const sc = c - dx;
      out[r * s + c] = sr >= 0 && sr < s && sc >= 0 && sc < s ? img[sr * s + sc] : 0;
    }
  }
  return out;
}

/** Mirrors left ↔ right: out[r][c] = img[r][s − 1 − c]. */
export function flipImage(img: Data, out: Data): Data {
  const s = checkOut(img, out, "flipImage");
  for (let r = 0; r < s; r++) for (let c = 0; c < s; c++) out[r * s + c] = img[r * s + (s - 1 - c)];
  return out;
}

/**
 * Rotates by `degrees` counter-clockwise (as displayed, like torchvision's `rotate`) and zooms by `factor`, both
 * about the image centre ((s − 1)/2, (s − 1)/2), with bilinear interpolation and zero fill. Each output pixel
 * p samples the input at c + R(−θ)·(p − c)/factor (the inverse map, so every output pixel gets a value).
 * With y pointing down, 90° sends the pixel at (row r, col k) to (row s − 1 − k, col r).
 */
export function affineImage(img: Data, degrees: number, factor: number, out: Data): Data {
  const s = checkOut(img, out, "affineImage");
  if (!(factor > 0)) throw new Error(`affineImage: scale factor must be positive, got ${factor}`);
  const th = (degrees * Math.PI) / 180;
  // cos(90°) is 6e-17, not 0: snap tiny coefficients so quarter turns map pixels exactly onto pixels.
  const snap = (v: number) => (Math.abs(v) < 1e-12 ? 0 : v);
  const cos = snap(Math.cos(th)) / factor;
  const sin = snap(Math.sin(th)) / factor;
  const c = (s - 1) / 2;
  for (let r = 0; r < s; r++) {
    const y = c - r; // "math" coordinates (x right, y up) so a positive angle turns counter-clockwise on screen
    for (let k = 0; k < s; k++) {
      const x = k - c;
      // Source point c + R(−θ)·(x, y)/factor, as (row, col).
      out[r * s + k] = bilinear(img, s, c - (-sin * x + cos * y), c + (cos * x + sin * y));
    }
  }
  return out;
}

/** img sampled at fractional (row, col) with bilinear weights; neighbours outside the image count as 0. */
function bilinear(img: Data, s: number, row: number, col: number): number {
  const r0 = Math.floor(row);
  const c0 = Math.floor(col);
  const fr = row - r0;
  const fc = col - c0;
  if (r0 >= 0 && c0 >= 0 && r0 < s - 1 && c0 < s - 1) {
    // Fast path: all four neighbours inside the image (most pixels).
    const i = r0 * s + c0;
    const top = img[i] + fc * (img[i + 1] - img[i]);
    const bottom = img[i + s] + fc * (img[i + s + 1] - img[i + s]);
    return top + fr * (bottom - top);
  }
  let v = 0;
  for (let dr = 0; dr <= 1; dr++) {
    const rr = r0 + dr;
    const wr = dr ? fr : 1 - fr;
    if (rr < 0 || rr >= s || wr === 0) continue;
    for (let dc = 0; dc <= 1; dc++) {
      const kk = c0 + dc;
      const w = wr * (dc ? fc : 1 - fc);
      if (kk >= 0 && kk < s && w !== 0) v += w * img[rr * s + kk];
    }
  }
  return v;
}
