import katex from "katex";
import { Marked } from "marked";

/** One slide of the deck source, split into its parts. */
export interface SlideSource {
  /** Markdown of the slide (without figures and notes). */
  body: string;
  /** Figure ids, in order, from lines `{{figure <id>}}`. */
  figures: string[];
  /** Speaker notes: everything after a line starting with `Note:`. */
  notes: string;
}

const FIGURE = /^\{\{figure ([\w-]+)\}\}\s*$/;

/** Splits the deck's Markdown at lines `---` into slides, and each slide into body, figures and notes. */
export function splitDeck(markdown: string): SlideSource[] {
  return markdown
    .split(/^---\s*$/m)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "")
    .map((chunk) => {
      const noteAt = chunk.search(/^Note:/m);
      const main = noteAt >= 0 ? chunk.slice(0, noteAt) : chunk;
      const notes = noteAt >= 0 ? chunk.slice(noteAt + "Note:".length).trim() : "";
      const lines = main.split("\n");
      const figures = lines.map((l) => FIGURE.exec(l.trim())?.[1]).filter((id): id is string => id !== undefined);
      const body = lines.filter((l) => !FIGURE.test(l.trim())).join("\n");
      return { body, figures, notes };
    });
}

/**
 * Markdown to HTML with the formulas typeset by KaTeX at build time (`$…$` inline, `$$…$$` displayed), so the deck
 * needs no script and no network to show them. A formula KaTeX cannot parse fails the build with its message.
 */
export function markdownWithMath(markdown: string): string {
  const formulas: string[] = [];
  const keep = (tex: string, displayMode: boolean): string => {
    formulas.push(katex.renderToString(tex.trim(), { displayMode, throwOnError: true, output: "html" }));
    return `KATEX${formulas.length - 1}X`;
  };
  const protectedText = markdown
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => `\n\n${keep(tex, true)}\n\n`)
    .replace(/(?<![\\$])\$([^$\n]+?)\$/g, (_, tex: string) => keep(tex, false))
    .replace(/\\\$/g, "$");
  const html = new Marked({ gfm: true }).parse(protectedText, { async: false }) as string;
  return html.replace(/KATEX(\d+)X/g, (_, i: string) => formulas[Number(i)]);
}
