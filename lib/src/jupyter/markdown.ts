import * as util from "util";
import { isMainThread } from "worker_threads";
import { swallowNextNewline } from "./display";
import { sendDisplay } from "./tslab-hooks";
import { setMarkdownInspector } from "../stats/markdown-display";

/** Sends Markdown as one display_data (text/markdown + text/plain); false outside a kernel. */
function sendMarkdown(text: string): boolean {
  return sendDisplay({ data: { "text/markdown": text, "text/plain": text }, metadata: {} });
}

/**
 * Shows Markdown (a table, a takeaway with computed numbers) as rendered text in the running cell, like
 * tslab's `display.markdown` or IPython's `display(Markdown(text))`. Outside a kernel it prints the text.
 * @example showMarkdown(`Best learning rate: **${best}**`);
 */
export function showMarkdown(text: string): void {
  if (sendMarkdown(text)) return;
  if (isMainThread) console.log(text);
}

/**
 * For objects that display themselves as Markdown when they are a cell's last expression (tslab prints the last
 * expression with console.log, which calls `[util.inspect.custom]`): call this from that method. In a kernel it
 * sends the Markdown and returns "" (and drops console.log's newline); elsewhere, or nested, it returns the text.
 */
export function inspectAsMarkdown(text: string, depth: number): string {
  if (depth < 0 || !sendMarkdown(text)) return text;
  swallowNextNewline();
  return "";
}

/**
 * Markdown text that renders itself when it is a cell's last expression; `markdown(text)` makes one.
 * @example markdown(`| lr | loss |\n|---|---|\n| 0.1 | ${loss.toFixed(3)} |`)   // as the last line of a cell
 */
export class Markdown {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }

  [util.inspect.custom](depth: number): string {
    return inspectAsMarkdown(this.text, depth);
  }
}

/** Wraps text in a `Markdown` that renders as the last expression of a cell. */
export function markdown(text: string): Markdown {
  return new Markdown(text);
}

// stats results (a Comparison) show as Markdown through this, without stats importing the Jupyter glue.
setMarkdownInspector(inspectAsMarkdown);
