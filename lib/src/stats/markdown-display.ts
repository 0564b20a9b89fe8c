/**
 * How stats results (a `Comparison`) display themselves as a cell's last expression. stats never touches tslab:
 * the Jupyter glue (jupyter/markdown.ts) installs the real display when nn-knobs is imported; until then, and
 * outside a kernel, a result inspects as its Markdown text.
 */
type MarkdownInspector = (text: string, depth: number) => string;

let inspector: MarkdownInspector = (text) => text;

/** Installs the function that shows Markdown in a cell (called once by jupyter/markdown.ts). */
export function setMarkdownInspector(f: MarkdownInspector): void {
  inspector = f;
}

/** What `[util.inspect.custom]` of a stats result returns: "" after displaying in a kernel, else the text. */
export function inspectMarkdown(text: string, depth: number): string {
  return inspector(text, depth);
}
