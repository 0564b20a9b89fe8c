// The optimizers' per-weight update rules as float32 SIMD loops (f32x4: four weights per instruction), the same
// formulas as the readable TypeScript loops in lib/src/optim/*.ts, computed in float32 as torch's float32
// optimizers do. Each function walks n weights at byte addresses w, g and the state buffers (16-byte aligned);
// a scalar loop finishes the last n mod 4. Flags are i32 (0/1); unused state addresses are 0.

/** Adam / AdamW: see lib/src/optim/adam.ts for the maths; vmax ≠ 0 means amsgrad. */
export function adam(
  n: i32,
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  vmax: usize,
  stepSize: f32,
  bc2Sqrt: f32,
  eps: f32,
  beta2: f32,
  a1: f32,
  a2: f32,
  l2: f32,
  shrink: f32,
  maximize: i32,
): void {
  const n4 = n & ~3;
  const sStep = f32x4.splat(stepSize);
  const sBc2 = f32x4.splat(bc2Sqrt);
  const sEps = f32x4.splat(eps);
  const sB2 = f32x4.splat(beta2);
  const sA1 = f32x4.splat(a1);
  const sA2 = f32x4.splat(a2);
  const sL2 = f32x4.splat(l2);
  const sShrink = f32x4.splat(shrink);
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    let gi = v128.load(g + o);
    if (maximize) gi = f32x4.neg(gi);
    let wi = v128.load(w + o);
    if (shrink != 1) wi = f32x4.mul(wi, sShrink);
    if (l2 != 0) gi = f32x4.add(gi, f32x4.mul(sL2, wi));
    let mi = v128.load(m + o);
    mi = f32x4.add(mi, f32x4.mul(sA1, f32x4.sub(gi, mi)));
    const vi = f32x4.add(f32x4.mul(sB2, v128.load(v + o)), f32x4.mul(f32x4.mul(sA2, gi), gi));
    let vt = vi;
    if (vmax) {
      vt = f32x4.max(v128.load(vmax + o), vi);
      v128.store(vmax + o, vt);
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vt), sBc2), sEps);
    v128.store(w + o, f32x4.sub(wi, f32x4.div(f32x4.mul(sStep, mi), denom)));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    let gi = load<f32>(g + o);
    if (maximize) gi = -gi;
    let wi = load<f32>(w + o);
    if (shrink != 1) wi *= shrink;
    if (l2 != 0) gi += l2 * wi;
    let mi = load<f32>(m + o);
    mi += a1 * (gi - mi);
    const vi = beta2 * load<f32>(v + o) + a2 * gi * gi;
    let vt = vi;
    if (vmax) {
      vt = max(load<f32>(vmax + o), vi);
      store<f32>(vmax + o, vt);
    }
    store<f32>(w + o, wi - (stepSize * mi) / (sqrt<f32>(vt) / bc2Sqrt + eps));
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
  }
}

/** SGD with optional momentum: see lib/src/optim/sgd.ts; b = 0 means no momentum; first: b ← g. */
export function sgd(
  n: i32,
  w: usize,
  g: usize,
  b: usize,
  lr: f32,
  mu: f32,
  keep: f32,
  wd: f32,
  nesterov: i32,
  maximize: i32,
  first: i32,
): void {
  const n4 = n & ~3;
  const sLr = f32x4.splat(lr);
  const sMu = f32x4.splat(mu);
  const sKeep = f32x4.splat(keep);
  const sWd = f32x4.splat(wd);
  for (let i = 0; i < n4; i += 4) {
    const o = (<usize>i) << 2;
    let gi = v128.load(g + o);
    if (maximize) gi = f32x4.neg(gi);
    const wi = v128.load(w + o);
    if (wd != 0) gi = f32x4.add(gi, f32x4.mul(sWd, wi));
    if (b) {
      const bi = first ? gi : f32x4.add(f32x4.mul(sMu, v128.load(b + o)), f32x4.mul(sKeep, gi));
      v128.store(b + o, bi);
      gi = nesterov ? f32x4.add(gi, f32x4.mul(sMu, bi)) : bi;
    }
    v128.store(w + o, f32x4.sub(wi, f32x4.mul(sLr, gi)));
  }
  for (let i = n4; i < n; i++) {
    const o = (<usize>i) << 2;
    let gi = load<f32>(g + o);
    if (maximize) gi = -gi;
    const wi = load<f32>(w + o);
    if (wd != 0) gi += wd * wi;
    if (b) {
      const bi = first ? gi : mu * load<f32>(b + o) + keep * gi;
      store<f32>(b + o, bi);
      gi = nesterov ? gi + mu * bi : bi;
    }
    store<f32>(w + o, wi - lr * gi);
  }
}

/** The first byte of linear memory free for the caller's buffers. */
export function heapBase(): usize {
  return __heap_base;
}

// The elementwise loops run on the same memory as the updates (gradients resident there need no copy).
export {
  relu,
  reluBackward,
  sumSquares,
  zero,
  tanh,
  tanhBackward,
  sigmoid,
  sigmoidBackward,
  addRowVector,
  addSumRows,
} from "./elementwise";
