// Packing: copies a block of op(A) or op(B) into contiguous "panels" in the exact order the micro-kernel reads
// them, so the kernel walks memory with unit stride whatever the transposes were. Zero padding at the ragged
// edges lets the kernel always compute a full MR×NR tile.

/**
 * Packs rows [i0, i0+mc) × columns [k0, k0+kc) of op(A) (M×K; stored K×M when transA) into panels of `mr` rows:
 * ap[p][k][r] = op(A)[i0 + p·mr + r, k0 + k], zero past row M. `mr` is 4 or 6 (the micro-tile's rows).
 */
export function packA(
  transA: bool,
  M: i32,
  K: i32,
  a: usize,
  i0: i32,
  mc: i32,
  k0: i32,
  kc: i32,
  mr: i32,
  ap: usize,
): void {
  for (let p = 0; p < mc; p += mr) {
    const rows = min(mr, mc - p);
    const i = i0 + p;
    if (rows < mr) {
      ap = packAScalar(transA, M, K, a, i, rows, k0, kc, mr, ap);
    } else if (transA) {
      // A stored K×M: the mr values of one k are consecutive in memory, so each k is a straight copy of mr floats
      // (two or three 8-byte moves; mr is even).
      let src = a + ((<usize>k0 * M + i) << 2);
      const stride = (<usize>M) << 2;
      for (let k = 0; k < kc; k++) {
        for (let r = 0; r < mr; r += 2) store<u64>(ap + ((<usize>r) << 2), load<u64>(src + ((<usize>r) << 2)));
        src += stride;
        ap += (<usize>mr) << 2;
      }
    } else {
      // A row-major: read 4 k's from each row with one vector load and transpose in registers: a 4×4 block for
      // rows 0–3 (one vector per k) and, when mr = 6, rows 4–5 interleaved in pairs (8 bytes per k).
      const kc4 = kc & ~3;
      const rowBytes = (<usize>K) << 2;
      const step = (<usize>mr) << 2; // bytes of one k in the panel
      let src = a + ((<usize>i * K + k0) << 2);
      for (let k = 0; k < kc4; k += 4) {
        transpose4x4(src, rowBytes, ap, step);
        if (mr == 6) {
          const r4 = v128.load(src + 4 * rowBytes);
          const r5 = v128.load(src + 5 * rowBytes);
          const lo = i32x4.shuffle(r4, r5, 0, 4, 1, 5); // e0 f0 e1 f1
          const hi = i32x4.shuffle(r4, r5, 2, 6, 3, 7); // e2 f2 e3 f3
          store<i64>(ap + 16, i64x2.extract_lane(lo, 0));
          store<i64>(ap + step + 16, i64x2.extract_lane(lo, 1));
          store<i64>(ap + 2 * step + 16, i64x2.extract_lane(hi, 0));
          store<i64>(ap + 3 * step + 16, i64x2.extract_lane(hi, 1));
        }
        src += 16;
        ap += 4 * step;
      }
      ap = packAScalar(false, M, K, a, i, mr, k0 + kc4, kc - kc4, mr, ap);
    }
  }
}

/**
 * The general case of packA for one panel of `rows` ≤ mr rows starting at row i: element by element, zero past
 * `rows`. Returns the next free byte.
 */
function packAScalar(
  transA: bool,
  M: i32,
  K: i32,
  a: usize,
  i: i32,
  rows: i32,
  k0: i32,
  kc: i32,
  mr: i32,
  ap: usize,
): usize {
  for (let k = 0; k < kc; k++) {
    const kk = k0 + k;
    for (let r = 0; r < mr; r++) {
      let v: f32 = 0;
      if (r < rows) {
        v = transA ? load<f32>(a + ((<usize>kk * M + i + r) << 2)) : load<f32>(a + ((<usize>(i + r) * K + kk) << 2));
      }
      store<f32>(ap, v);
      ap += 4;
    }
  }
  return ap;
}

/**
 * Packs rows [k0, k0+kc) × columns [j0, j0+nc) of op(B) (K×N; stored N×K when transB) into panels of 8 columns:
 * bp[p][k][j] = op(B)[k0 + k, j0 + p·8 + j], zero past column N.
 */
export function packB(transB: bool, N: i32, K: i32, b: usize, k0: i32, kc: i32, j0: i32, nc: i32, bp: usize): void {
  for (let p = 0; p < nc; p += 8) {
    const cols = min(8, nc - p);
    const jp = j0 + p;
    if (!transB && cols == 8) {
      // B row-major: 8 consecutive floats of a row of B are two vector loads.
      for (let k = 0; k < kc; k++) {
        const src = b + ((<usize>(k0 + k) * N + jp) << 2);
        v128.store(bp, v128.load(src));
        v128.store(bp, v128.load(src, 16), 16);
        bp += 32;
      }
    } else if (transB && cols == 8) {
      // B stored N×K: read 4 k's from each of 8 rows, transpose 4×4 blocks in registers.
      const kc4 = kc & ~3;
      const rowBytes = (<usize>K) << 2;
      for (let k = 0; k < kc4; k += 4) {
        for (let h = 0; h < 8; h += 4) {
          transpose4x4(b + ((<usize>(jp + h) * K + k0 + k) << 2), rowBytes, bp + ((<usize>h) << 2), 32);
        }
        bp += 128;
      }
      bp = packBScalar(true, N, K, b, k0 + kc4, kc - kc4, jp, 8, bp);
    } else {
      bp = packBScalar(transB, N, K, b, k0, kc, jp, cols, bp);
    }
  }
}

/** The general case of packB for one panel: element by element, zero past `cols`. Returns the next free byte. */
function packBScalar(transB: bool, N: i32, K: i32, b: usize, k0: i32, kc: i32, jp: i32, cols: i32, bp: usize): usize {
  for (let k = 0; k < kc; k++) {
    const kk = k0 + k;
    for (let j = 0; j < 8; j++) {
      let v: f32 = 0;
      if (j < cols) {
        const jj = jp + j;
        v = transB ? load<f32>(b + ((<usize>jj * K + kk) << 2)) : load<f32>(b + ((<usize>kk * N + jj) << 2));
      }
      store<f32>(bp, v);
      bp += 4;
    }
  }
  return bp;
}

/**
 * Copies the 4×4 block of floats at src (rows `rowBytes` apart) transposed: its column k goes to dst + k·step.
 */
function transpose4x4(src: usize, rowBytes: usize, dst: usize, step: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + rowBytes);
  const r2 = v128.load(src + 2 * rowBytes);
  const r3 = v128.load(src + 3 * rowBytes);
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5); // a0 b0 a1 b1
  const t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5); // c0 d0 c1 d1
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7); // a2 b2 a3 b3
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7); // c2 d2 c3 d3
  v128.store(dst, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(dst + step, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * step, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * step, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}
