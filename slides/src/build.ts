/**
 * npm run slides: the lecture deck → slides/dist/index.html (+ its script, styles and fonts), viewable from
 * file:// with no network. Steps: compute every figure with the library (or read it from slides/.cache/), turn
 * slides/deck.md into reveal.js sections with KaTeX-typeset formulas, bundle the browser code with esbuild.
 */
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { cachedFigure, figureSources, libraryStamp } from "./cache";
import { markdownWithMath, splitDeck, type SlideSource } from "./deck-html";
import { forSlides } from "./slide-theme";
import type { Figure, FigureResult } from "./figure";
import { FIGURES } from "../figures";
const { newestSource } = require("../../kernel-setup/setup") as {
  newestSource(dir: string): { file: string; mtime: number } | null;
};

export const SLIDES_DIR = path.resolve(__dirname, "..", "..", "slides");
const ROOT = path.dirname(SLIDES_DIR);
export const DIST = path.join(SLIDES_DIR, "dist");
const CACHE = path.join(SLIDES_DIR, ".cache");

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Computes (or reads from the cache) every figure the deck uses, in deck order. */
async function computeFigures(ids: string[]): Promise<Map<string, FigureResult>> {
  const byId = new Map<string, Figure<any>>(FIGURES.map((f) => [f.id, f]));
  for (const f of FIGURES) if (!ids.includes(f.id)) console.warn(`slides: figure "${f.id}" is not used by deck.md`);
  const stamp = libraryStamp(path.join(ROOT, "lib", "dist"));
  const sources = figureSources(path.join(SLIDES_DIR, "figures"));
  const out = new Map<string, FigureResult>();
  for (const id of ids) {
    const f = byId.get(id);
    if (!f) throw new Error(`deck.md uses {{figure ${id}}}, but slides/figures defines no figure "${id}"`);
    const t0 = performance.now();
    const code = sources.get(id);
    if (code === undefined) throw new Error(`no file of slides/figures declares id: "${id}"`);
    const { result, cached } = await cachedFigure(f, code, stamp, CACHE);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`  ${id.padEnd(22)} ${cached ? "cached" : `computed in ${s} s`}`);
    out.set(id, { ...result, spec: forSlides(result.spec) });
  }
  return out;
}

/**
 * The slide's speaker notes, with a link to the notebook of each of its figures that the notes do not name yet
 * (a figure names a notebook that does not exist: an error).
 */
function notesWithNotebooks(slide: SlideSource): string {
  let notes = slide.notes;
  for (const id of slide.figures) {
    const nb = FIGURES.find((f) => f.id === id)!.notebook;
    if (!fs.existsSync(path.join(ROOT, "notebooks", `${nb}.ipynb`))) {
      throw new Error(`figure "${id}" names notebook "${nb}", but notebooks/${nb}.ipynb does not exist`);
    }
    if (!notes.includes(nb)) notes += `\n\nNotebook [${nb}](../../notebooks/${nb}.ipynb).`;
  }
  for (const [, nb] of notes.matchAll(/notebooks\/([\w-]+)\.ipynb/g)) {
    if (!fs.existsSync(path.join(ROOT, "notebooks", `${nb}.ipynb`))) {
      throw new Error(`the notes of a slide link notebooks/${nb}.ipynb, which does not exist`);
    }
  }
  return notes.trim();
}

function slideHtml(slide: SlideSource, figures: Map<string, FigureResult>): string {
  // A slide with figures puts its "## title" above both columns.
  const titled = slide.figures.length ? /^##\s+(.*)\n?/.exec(slide.body) : null;
  const title = titled ? markdownWithMath(`## ${titled[1]}`) : "";
  const body = markdownWithMath(titled ? slide.body.slice(titled[0].length) : slide.body);
  const figs = slide.figures
    .map((id) => {
      const caption = figures.get(id)?.caption;
      return (
        `<figure><div class="chart" data-figure="${id}"></div>` +
        (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "") +
        "</figure>"
      );
    })
    .join("\n");
  const noteText = notesWithNotebooks(slide);
  const notes = noteText ? `<aside class="notes">${markdownWithMath(noteText)}</aside>` : "";
  const cls = slide.figures.length ? ` class="with-figure${slide.figures.length > 1 ? " two-figures" : ""}"` : "";
  const content = slide.figures.length
    ? `${title}<div class="text">${body}</div><div class="figs">${figs}</div>`
    : body;
  return `<section${cls}>\n${content}\n${notes}\n</section>`;
}

/** Builds slides/dist from slides/deck.md; returns the number of slides and of charts. */
export async function buildDeck(): Promise<{ slides: number; charts: number }> {
  const t0 = performance.now();
  if (!fs.existsSync(path.join(ROOT, "lib", "dist", "index.js"))) {
    throw new Error("slides: lib/dist is missing; run `npm run build` first");
  }
  const newer = newestSource(path.join(ROOT, "lib", "src"));
  if (newer && newer.mtime > fs.statSync(path.join(ROOT, "lib", "dist", "index.js")).mtimeMs) {
    console.warn(`slides: ${path.relative(ROOT, newer.file)} is newer than lib/dist: run \`npm run build\` first`);
  }
  const slides = splitDeck(fs.readFileSync(path.join(SLIDES_DIR, "deck.md"), "utf8"));
  const ids = slides.flatMap((s) => s.figures);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) throw new Error(`deck.md uses figure(s) ${dupes.join(", ")} more than once`);
  console.log(`slides: ${slides.length} slides, ${ids.length} figures`);
  const figures = await computeFigures(ids);

  fs.rmSync(DIST, { recursive: true, force: true });
  fs.mkdirSync(DIST, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(SLIDES_DIR, "src", "client.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    outfile: path.join(DIST, "deck.js"),
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file" },
    assetNames: "fonts/[name]-[hash]",
    legalComments: "none",
    logLevel: "warning",
  });
  const specs = Object.fromEntries([...figures].map(([id, r]) => [id, r.spec]));
  const template = fs.readFileSync(path.join(SLIDES_DIR, "src", "index.html"), "utf8");
  const html = template
    .replace("<!--SLIDES-->", () => slides.map((s) => slideHtml(s, figures)).join("\n"))
    // </script> inside a string would end the element early: escape "<" in the embedded JSON.
    .replace("<!--SPECS-->", () => JSON.stringify(specs).replace(/</g, "\\u003c"));
  fs.writeFileSync(path.join(DIST, "index.html"), html);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`slides: wrote ${path.relative(ROOT, DIST)}/index.html in ${s} s`);
  return { slides: slides.length, charts: ids.length };
}
