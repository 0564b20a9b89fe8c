import * as util from "util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { markdown, showMarkdown } from "./markdown";
import { installFakeKernel } from "./fake-kernel";

afterEach(() => vi.restoreAllMocks());

describe("Markdown outside a kernel", () => {
  it("showMarkdown prints the text; a Markdown value inspects as its text", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    showMarkdown("| a |\n|---|\n| 1 |");
    expect(log.mock.calls).toEqual([["| a |\n|---|\n| 1 |"]]);
    expect(util.inspect(markdown("**bold**"))).toBe("**bold**");
    expect(String(markdown("x"))).toBe("x");
  });
});

describe("Markdown in a (fake) tslab kernel", () => {
  let kernel: ReturnType<typeof installFakeKernel>;
  beforeAll(() => (kernel = installFakeKernel()));
  afterAll(() => kernel.uninstall());

  it("showMarkdown sends one display_data with text/markdown and text/plain", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    showMarkdown("**hi**");
    expect(kernel.sent.at(-1)).toEqual({ data: { "text/markdown": "**hi**", "text/plain": "**hi**" }, metadata: {} });
    expect(log).not.toHaveBeenCalled();
  });

  it("a Markdown value as a cell's last expression sends itself and prints nothing", () => {
    const n = kernel.sent.length;
    expect(util.inspect(markdown("| t |"))).toBe("");
    expect(kernel.sent.length).toBe(n + 1);
    expect(kernel.sent.at(-1)!.data["text/markdown"]).toBe("| t |");
  });
});
