// Elementwise float32 loops as WebAssembly SIMD128 (built into updates.wasm with the optimizers' loops) (f32x4: four entries per instruction), the float32 fast paths
// of readable TypeScript loops that stay the definition (lib/src/nn/activations.ts, lib/src/optim/clip-grad.ts).
// Each walks n entries at 16-byte-aligned byte addresses; a scalar loop finishes the last n mod 4.

/** ReLU: y = x ≤ 0 ? 0 : x (NaN stays NaN, as torch: NaN ≤ 0 is false). */
export function relu(n: i32, x: usize, y: usize): void {
  const n4 = n & ~3;
  const zero = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    const xi = v128.load(x + o);
    v128.store(y + o, v128.andnot(xi, f32x4.le(xi, zero))); // all-ones lanes where x ≤ 0 clear x to +0
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    const xi = load<f32>(x + o);
    store<f32>(y + o, xi <= 0 ? 0 : xi);
  }
}

/** ReLU's backward: dx = x ≤ 0 ? 0 : dy. */
export function reluBackward(n: i32, x: usize, dy: usize, dx: usize): void {
  const n4 = n & ~3;
  const zero = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dx + o, v128.andnot(v128.load(dy + o), f32x4.le(v128.load(x + o), zero)));
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dx + o, load<f32>(x + o) <= 0 ? 0 : load<f32>(dy + o));
  }
}

/**
 * Σ g² in float64 (each float32 square is exact in float64), in four f64x2 running sums (independent additions
 * keep both FP adders busy) added at the end: the same terms as the TypeScript loop, summed in another order.
 */
export function sumSquares(n: i32, g: usize): f64 {
  const n8 = n & ~7;
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let s2 = f64x2.splat(0);
  let s3 = f64x2.splat(0);
  for (let i = 0; i < n8; i += 8) {
    const p = g + ((<usize>i) << 2);
    const lo = v128.load(p);
    const hi = v128.load(p, 16);
    const a = f64x2.promote_low_f32x4(lo);
    const b = f64x2.promote_low_f32x4(i32x4.shuffle(lo, lo, 2, 3, 0, 1));
    const c = f64x2.promote_low_f32x4(hi);
    const d = f64x2.promote_low_f32x4(i32x4.shuffle(hi, hi, 2, 3, 0, 1));
    s0 = f64x2.add(s0, f64x2.mul(a, a));
    s1 = f64x2.add(s1, f64x2.mul(b, b));
    s2 = f64x2.add(s2, f64x2.mul(c, c));
    s3 = f64x2.add(s3, f64x2.mul(d, d));
  }
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let acc = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (let i = n8; i < n; i++) {
    const gi = <f64>load<f32>(g + ((<usize>i) << 2));
    acc += gi * gi;
  }
  return acc;
}

/** x = 0 for n floats (zeroGrad: TypedArray.fill on shared memory is several times slower). */
export function zero(n: i32, x: usize): void {
  memory.fill(x, 0, (<usize>n) << 2);
}
