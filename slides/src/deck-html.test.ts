import { describe, expect, it } from "vitest";
import { markdownWithMath, splitDeck } from "./deck-html";

describe("splitDeck", () => {
  it("splits at --- lines into body, figures and notes", () => {
    const deck = "# Title\n\nintro\n\n---\n\n## Knob\n\n- a\n\n{{figure bowl-eta}}\n\nNote: say *this*\nand that\n";
    const [first, second] = splitDeck(deck);
    expect(first).toEqual({ body: "# Title\n\nintro", figures: [], notes: "" });
    expect(second.figures).toEqual(["bowl-eta"]);
    expect(second.body).not.toContain("figure");
    expect(second.notes).toBe("say *this*\nand that");
  });

  it("ignores empty chunks (a trailing ---)", () => {
    expect(splitDeck("a\n---\n\n---\n")).toHaveLength(1);
  });
});

describe("markdownWithMath", () => {
  it("typesets $…$ inline and $$…$$ displayed with KaTeX, and keeps \\$ as a dollar", () => {
    const html = markdownWithMath("step $\\eta$ costs \\$5\n\n$$a[v] = \\sum_u W o[u]$$");
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("costs $5");
    expect(html).not.toMatch(/\$\\eta|\$\$/);
  });

  it("renders Markdown around the formulas", () => {
    expect(markdownWithMath("- **bold** and `code`")).toMatch(
      /<li><strong>bold<\/strong> and <code>code<\/code><\/li>/,
    );
  });

  it("fails on a formula KaTeX cannot parse", () => {
    expect(() => markdownWithMath("$\\frac{1}{$")).toThrow(/KaTeX parse error/);
  });
});
