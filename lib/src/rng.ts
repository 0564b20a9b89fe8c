/**
 * A seeded random number generator with explicit state: xoshiro128** seeded through splitmix32.
 *
 * Every random choice in nn-knobs takes one of these (never `Math.random()`), so the same seed gives the
 * same stream in a notebook, in node and in a worker thread.
 *
 * @example
 *   const rng = new Rng(42);
 *   rng.uniform();          // a float in [0, 1)
 *   rng.normal(0, 0.01);    // mean 0, standard deviation 0.01
 *   const saved = rng.getState(); rng.normal(); rng.setState(saved); // replays the same draw
 */
export type RngState = [number, number, number, number];

export class Rng {
  private s = new Uint32Array(4);

  constructor(seed: number = 0) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    // splitmix32 spreads one seed over four words; it never yields an all-zero state.
    let x = (Math.floor(seed) ^ Math.floor(seed / 2 ** 32)) >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** The next raw 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A float uniform in [lo, hi) (default [0, 1)), with 53 random bits. */
  uniform(lo = 0, hi = 1): number {
    const u = (this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11)) / 2 ** 53;
    return lo + (hi - lo) * u;
  }

  /** A normal draw with the given mean and **standard deviation** (Box–Muller). */
  normal(mean = 0, std = 1): number {
    const u1 = 1 - this.uniform(); // in (0, 1]: log is finite
    const u2 = this.uniform();
    return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** An integer uniform in [lo, hi) without modulo bias. */
  integers(lo: number, hi: number): number {
    const n = hi - lo;
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || n <= 0 || n > 2 ** 32) {
      throw new Error(`Rng.integers: need integers lo < hi with hi - lo <= 2^32, got [${lo}, ${hi})`);
    }
    const limit = 2 ** 32 - (2 ** 32 % n);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return lo + (r % n);
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: any }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.integers(0, i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** k indices drawn from 0..n-1, with or without replacement. */
  choice(n: number, k: number, replace = true): Int32Array {
    if (!replace && k > n) throw new Error(`Rng.choice: cannot draw ${k} of ${n} without replacement`);
    const out = new Int32Array(k);
    if (replace) {
      for (let i = 0; i < k; i++) out[i] = this.integers(0, n);
      return out;
    }
    return this.permutation(n).slice(0, k);
  }

  /** A new generator whose stream is independent of this one; advances this one by two draws. */
  fork(): Rng {
    return new Rng(this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11));
  }

  /** The full state as four 32-bit words (plain JSON). */
  getState(): RngState {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }

  /** Restores a state from `getState()`. */
  setState(state: RngState): void {
    if (!Array.isArray(state) || state.length !== 4 || state.every((w) => w === 0)) {
      throw new Error("Rng.setState: expected four 32-bit words, not all zero");
    }
    for (let i = 0; i < 4; i++) this.s[i] = state[i] >>> 0;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** @internal Accepts a seed or a generator and returns a generator (a seed makes a fresh one). */
export function toRng(seedOrRng: number | Rng): Rng {
  return typeof seedOrRng === "number" ? new Rng(seedOrRng) : seedOrRng;
}
