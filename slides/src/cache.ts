import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Figure, FigureResult } from "./figure";

/** A hash of every compiled file of the library: results change when the library does. */
export function libraryStamp(libDist: string): string {
  const h = crypto.createHash("sha256");
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|wasm)$/.test(e.name)) h.update(e.name).update(fs.readFileSync(p));
    }
  };
  walk(libDist);
  return h.digest("hex").slice(0, 16);
}

/**
 * The source of each figure: id → the text of the file in `dir` that declares it (`id: "<id>"`). The file's text,
 * not `make.toString()`, goes into the key: the bundler renames identifiers when other files change.
 */
export function figureSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    for (const [, id] of text.matchAll(/\bid:\s*"([\w-]+)"/g)) out.set(id, text);
  }
  return out;
}

/** The cache key of a figure: its id, config, the code that computes it and the library build. */
export function figureKey(f: Figure<any>, code: string, stamp: string): string {
  const text = JSON.stringify({ id: f.id, config: f.config, code, stamp });
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 20);
}

/**
 * Computes a figure or reads it from `dir` (one JSON file per figure and key; older keys of the same figure are
 * removed). Returns the result and whether it came from the cache.
 */
export async function cachedFigure(
  f: Figure<any>,
  code: string,
  stamp: string,
  dir: string,
): Promise<{ result: FigureResult; cached: boolean }> {
  const key = figureKey(f, code, stamp);
  const file = path.join(dir, `${f.id}.${key}.json`);
  if (fs.existsSync(file)) return { result: JSON.parse(fs.readFileSync(file, "utf8")), cached: true };
  const result = await f.make(f.config);
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir)) if (old.startsWith(`${f.id}.`)) fs.rmSync(path.join(dir, old));
  fs.writeFileSync(file, JSON.stringify(result));
  return { result, cached: false };
}
