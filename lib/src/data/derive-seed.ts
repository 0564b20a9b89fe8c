/**
 * Mixes integers (a seed, an epoch, a sample index, a tag…) into one 32-bit seed, so that a random stream can be
 * recomputed from its coordinates alone: the reshuffle order of epoch e is `new Rng(deriveSeed(seed, TAG, e))`,
 * whatever happened before. Internal to data/ (not exported from the package).
 *
 * Why hash instead of `seed + epoch`: neighbouring seeds would give overlapping streams (seed 1 epoch 2 = seed 2
 * epoch 1); murmur3's finaliser makes every coordinate change all 32 bits.
 */
export function deriveSeed(...parts: number[]): number {
  let h = 0x2545f491;
  for (const p of parts) {
    if (!Number.isFinite(p)) throw new Error(`deriveSeed: parts must be finite numbers, got ${p}`);
    const v = Math.floor(p);
    // Fold both halves of a (up to 53-bit) integer so large seeds are not truncated to their low 32 bits.
    h = mix(h ^ (v >>> 0));
    h = mix(h ^ (Math.floor(v / 2 ** 32) >>> 0));
  }
  return h >>> 0;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Tags that keep the loader's independent streams apart (sample order vs augmentation vs subset choice). */
export const STREAM = { order: 1, augment: 2, subset: 3, split: 4, grid: 5 } as const;
