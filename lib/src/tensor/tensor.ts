/**
 * A row-major matrix of float32 (default, for speed) or float64 (for gradient checks and reference tests).
 *
 * nn-knobs works with 2-D tensors only: a minibatch is `batch × features` (an MNIST batch of 128 is 128 × 784),
 * a Linear weight is `out × in` like torch's, a bias is `1 × out`.
 *
 * @example
 *   const x = Tensor.fromRows([[1, 2], [3, 4]]);  // 2 × 2, float32
 *   x.get(1, 0);                                   // 3
 *   x.toFloat64().shapeString;                     // "[2, 2] float64"
 */
export type DType = "float32" | "float64";
export type Data = Float32Array | Float64Array;

export class Tensor {
  readonly rows: number;
  readonly cols: number;
  readonly data: Data;

  constructor(rows: number, cols: number, data?: Data, dtype: DType = "float32") {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new Error(`Tensor: shape must be two non-negative integers, got [${rows}, ${cols}]`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? (dtype === "float64" ? new Float64Array(rows * cols) : new Float32Array(rows * cols));
    if (this.data.length !== rows * cols) {
      throw new Error(`Tensor: data of length ${this.data.length} does not fit shape [${rows}, ${cols}]`);
    }
  }

  /**
   * @internal Moves the values into `storage` (same length and dtype), which becomes this tensor's data. The fast
   * kernels keep parameters in WebAssembly memory this way (tensor/kernels/wasm-updates.ts); views made earlier
   * (`row`, `sliceRows`) keep the old storage.
   */
  moveTo(storage: Data): void {
    if (storage.length !== this.data.length || storage.constructor !== this.data.constructor) {
      throw new Error(`Tensor.moveTo: storage must be a ${this.data.constructor.name} of length ${this.data.length}`);
    }
    storage.set(this.data);
    (this as { data: Data }).data = storage;
  }

  static zeros(rows: number, cols: number, dtype: DType = "float32"): Tensor {
    return new Tensor(rows, cols, undefined, dtype);
  }

  static full(rows: number, cols: number, value: number, dtype: DType = "float32"): Tensor {
    const t = new Tensor(rows, cols, undefined, dtype);
    t.data.fill(value);
    return t;
  }

  /** From nested arrays: `Tensor.fromRows([[1, 2], [3, 4]])`. All rows must have the same length. */
  static fromRows(rows: ArrayLike<number>[], dtype: DType = "float32"): Tensor {
    const cols = rows.length ? rows[0].length : 0;
    const t = new Tensor(rows.length, cols, undefined, dtype);
    rows.forEach((r, i) => {
      if (r.length !== cols) throw new Error(`Tensor.fromRows: row ${i} has ${r.length} values, row 0 has ${cols}`);
      for (let j = 0; j < cols; j++) t.data[i * cols + j] = r[j];
    });
    return t;
  }

  /** From a flat array in row-major order. */
  static fromArray(values: ArrayLike<number>, rows: number, cols: number, dtype: DType = "float32"): Tensor {
    const t = new Tensor(rows, cols, undefined, dtype);
    if (values.length !== rows * cols) {
      throw new Error(`Tensor.fromArray: ${values.length} values do not fit shape [${rows}, ${cols}]`);
    }
    t.data.set(values);
    return t;
  }

  get dtype(): DType {
    return this.data instanceof Float64Array ? "float64" : "float32";
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  get size(): number {
    return this.data.length;
  }

  /** "[128, 784] float32": used in every shape error. */
  get shapeString(): string {
    return `[${this.rows}, ${this.cols}] ${this.dtype}`;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }

  /** A copy with its own buffer (same dtype unless given). */
  clone(dtype: DType = this.dtype): Tensor {
    const t = new Tensor(this.rows, this.cols, undefined, dtype);
    t.data.set(this.data);
    return t;
  }

  toFloat64(): Tensor {
    return this.clone("float64");
  }

  toFloat32(): Tensor {
    return this.clone("float32");
  }

  /** A new tensor with the same buffer read as another shape of equal size. */
  reshape(rows: number, cols: number): Tensor {
    if (rows * cols !== this.size) throw new Error(`reshape: cannot view ${this.shapeString} as [${rows}, ${cols}]`);
    return new Tensor(rows, cols, this.data);
  }

  /** Row i as a subarray view (no copy). */
  row(i: number): Data {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** Rows [start, end) as a tensor sharing this buffer. */
  sliceRows(start: number, end: number): Tensor {
    return new Tensor(end - start, this.cols, this.data.subarray(start * this.cols, end * this.cols));
  }

  /** Nested arrays, for printing and tests. */
  toRows(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }

  toString(): string {
    const show = (r: number[]) => "[" + r.map((v) => fmt(v)).join(", ") + "]";
    const rows = this.toRows();
    const body =
      rows.length <= 6 ? rows.map(show) : [...rows.slice(0, 3).map(show), "...", ...rows.slice(-2).map(show)];
    return `Tensor ${this.shapeString}\n[${body.join(",\n ")}]`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}

/** Throws `<where>: expected <what>, got A and B` unless the condition holds. */
export function assertShape(ok: boolean, where: string, what: string, ...ts: Tensor[]): void {
  if (!ok) throw new Error(`${where}: expected ${what}, got ${ts.map((t) => t.shapeString).join(" and ")}`);
}
