import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { DIST } from "./build";
const { findChromium } = require("../../tests/find-chromium") as { findChromium(): string | null };

/** Starts the system Chromium headless (never a download); throws with the install hint when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("no Chromium found (Debian/Ubuntu: sudo apt-get install chromium; or set CHROMIUM_PATH)");
  }
  // Root in a container has no user namespace for Chromium's sandbox.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({ executablePath, args });
}

/** The deck's file:// URL (with reveal.js's query, e.g. "?print-pdf"). */
export function deckUrl(query = ""): string {
  return "file://" + path.join(DIST, "index.html") + query;
}

/** Number of pages of a PDF written by Chromium (its page objects are not compressed). */
export function pdfPageCount(file: string): number {
  return (
    fs
      .readFileSync(file)
      .toString("latin1")
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}

/**
 * npm run slides:pdf: prints the deck with reveal.js's print view (`?print-pdf`, one 1280×720 page per slide,
 * text selectable, charts as vector SVG) to slides/dist/slides.pdf.
 */
export async function writePdf(): Promise<{ file: string; pages: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(deckUrl("?print-pdf"));
    await page.waitForFunction(() => document.body.dataset.chartsDrawn !== undefined, null, { timeout: 120_000 });
    const state = await page.evaluate(() => document.body.dataset.chartsDrawn);
    if (state !== "true") throw new Error("slides:pdf: a chart failed to draw (open the deck to see which)");
    // The print view lays slides out anew: a chart squeezed to nothing there would print as a blank space.
    await page.emulateMedia({ media: "print" });
    const flat = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("div.chart"))
        .filter((el) => (el.querySelector("svg")?.getBoundingClientRect().height ?? 0) < 100)
        .map((el) => el.dataset.figure),
    );
    if (flat.length) throw new Error(`slides:pdf: chart(s) ${flat.join(", ")} have no room on their page`);
    const file = path.join(DIST, "slides.pdf");
    await page.pdf({ path: file, width: "1280px", height: "720px", printBackground: true, preferCSSPageSize: true });
    return { file, pages: pdfPageCount(file) };
  } finally {
    await browser.close();
  }
}
