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

// tanh and sigmoid in float32, from Cephes' expf and tanhf (as vectorized float32 libraries compute them, torch's
// among them): within 3 float32 ulps of the correctly rounded values (the tests measure it against Math.tanh and
// the TypeScript sigmoid over ±20 and the special values); NaN stays NaN, ±0 keeps its sign, ±∞ gives ±1 (tanh)
// or 1 and 0 (sigmoid).

/**
 * e^x for x ≤ 0 (Cephes expf: x = n·ln2 + r, |r| ≤ ln2/2, e^r by a polynomial, then · 2^n). 2^n is applied as two
 * powers of two, each a normal float32, so that results below 2^-126 come out as the subnormals they are.
 */
function expNeg(x: v128): v128 {
  x = f32x4.max(x, f32x4.splat(-104)); // e^-104 rounds to 0 in float32 (wasm's max keeps NaN)
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.4426950408889634))); // round(x / ln2)
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375))); // x − n·ln2 in two parts (Cody–Waite):
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.1219444e-4))); //  the first product is exact
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const er = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1)); // e^r
  const ni = i32x4.trunc_sat_f32x4_s(n); // −150 ≤ n ≤ 0
  const half = i32x4.shr_s(ni, 1);
  const bias = i32x4.splat(127);
  const s1 = i32x4.shl(i32x4.add(half, bias), 23); // 2^⌊n/2⌋ and 2^(n − ⌊n/2⌋), both ≥ 2^-75
  const s2 = i32x4.shl(i32x4.add(i32x4.sub(ni, half), bias), 23);
  return f32x4.mul(f32x4.mul(er, s1), s2);
}

/** tanh of four floats: Cephes tanhf's odd polynomial below |x| = 0.625, 1 − 2/(e^{2|x|} + 1) above, x's sign. */
function tanh4(x: v128): v128 {
  const sign = v128.and(x, i32x4.splat(0x80000000));
  const ax = f32x4.abs(x);
  const z = f32x4.mul(ax, ax);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
  const e = expNeg(f32x4.mul(ax, f32x4.splat(-2))); // e^{−2|x|} ≤ 1: 1 − 2e/(1 + e) = (1 − e)/(1 + e)
  const large = f32x4.div(f32x4.sub(f32x4.splat(1), e), f32x4.add(f32x4.splat(1), e));
  const t = v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(0.625))); // NaN: not < 0.625, large is NaN
  return v128.or(t, sign);
}

/** sigmoid of four floats: 1/(1 + e^{−x}) for x ≥ 0, e^x/(1 + e^x) below (no overflow either way). */
function sigmoid4(x: v128): v128 {
  const e = expNeg(f32x4.neg(f32x4.abs(x))); // e^{−|x|}
  const d = f32x4.add(f32x4.splat(1), e);
  const pos = f32x4.div(f32x4.splat(1), d);
  return v128.bitselect(f32x4.div(e, d), pos, f32x4.lt(x, f32x4.splat(0)));
}

/** y = tanh(x). */
export function tanh(n: i32, x: usize, y: usize): void {
  map(n, x, y, 0);
}

/** y = sigmoid(x). */
export function sigmoid(n: i32, x: usize, y: usize): void {
  map(n, x, y, 1);
}

function map(n: i32, x: usize, y: usize, f: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    const xi = v128.load(x + o);
    v128.store(y + o, f == 0 ? tanh4(xi) : sigmoid4(xi));
  }
  if (n4 == n) return;
  // The last 1–3 entries in lanes 0–2, through the same vector code (so the same values as in a full vector).
  const o = (<usize>n4) << 2;
  const r = n - n4;
  let tail = f32x4.replace_lane(f32x4.splat(0), 0, load<f32>(x + o));
  if (r > 1) tail = f32x4.replace_lane(tail, 1, load<f32>(x + o, 4));
  if (r > 2) tail = f32x4.replace_lane(tail, 2, load<f32>(x + o, 8));
  const out = f == 0 ? tanh4(tail) : sigmoid4(tail);
  store<f32>(y + o, f32x4.extract_lane(out, 0));
  if (r > 1) store<f32>(y + o, f32x4.extract_lane(out, 1), 4);
  if (r > 2) store<f32>(y + o, f32x4.extract_lane(out, 2), 8);
}

/** Tanh's backward from its output: dx = dy·(1 − y²). */
export function tanhBackward(n: i32, y: usize, dy: usize, dx: usize): void {
  const one = f32x4.splat(1);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    const yi = v128.load(y + o);
    v128.store(dx + o, f32x4.mul(v128.load(dy + o), f32x4.sub(one, f32x4.mul(yi, yi))));
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    const yi = load<f32>(y + o);
    store<f32>(dx + o, load<f32>(dy + o) * (1 - yi * yi));
  }
}

/** Sigmoid's backward from its output: dx = dy·y·(1 − y). */
export function sigmoidBackward(n: i32, y: usize, dy: usize, dx: usize): void {
  const one = f32x4.splat(1);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    const yi = v128.load(y + o);
    v128.store(dx + o, f32x4.mul(f32x4.mul(v128.load(dy + o), yi), f32x4.sub(one, yi)));
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    const yi = load<f32>(y + o);
    store<f32>(dx + o, load<f32>(dy + o) * yi * (1 - yi));
  }
}

/** y[r, :] = x[r, :] + b for each of `rows` rows of `cols` floats (a Linear layer's bias). */
export function addRowVector(rows: i32, cols: i32, x: usize, b: usize, y: usize): void {
  const c4 = cols & ~3;
  const stride = (<usize>cols) << 2;
  for (let r = 0; r < rows; r++) {
    const xr = x + <usize>r * stride;
    const yr = y + <usize>r * stride;
    for (let j = 0; j < c4; j += 4) {
      const o = (<usize>j) << 2;
      v128.store(yr + o, f32x4.add(v128.load(xr + o), v128.load(b + o)));
    }
    for (let j = c4; j < cols; j++) {
      const o = (<usize>j) << 2;
      store<f32>(yr + o, load<f32>(xr + o) + load<f32>(b + o));
    }
  }
}

/** out[j] += Σ_r x[r, j], adding row after row (the bias gradient; each column summed in the same order as the TypeScript loop). */
export function addSumRows(rows: i32, cols: i32, x: usize, out: usize): void {
  const c4 = cols & ~3;
  const stride = (<usize>cols) << 2;
  for (let j = 0; j < c4; j += 4) {
    const o = (<usize>j) << 2;
    let acc = v128.load(out + o);
    for (let r = 0; r < rows; r++) acc = f32x4.add(acc, v128.load(x + <usize>r * stride + o));
    v128.store(out + o, acc);
  }
  for (let j = c4; j < cols; j++) {
    const o = (<usize>j) << 2;
    let acc = load<f32>(out + o);
    for (let r = 0; r < rows; r++) acc += load<f32>(x + <usize>r * stride + o);
    store<f32>(out + o, acc);
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
