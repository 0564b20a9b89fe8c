#!/usr/bin/env node
/*
 * npm run test:slides: the lecture deck in a real browser (Debian's Chromium through playwright-core, never a
 * download). Builds the deck first (npm run slides: seconds when slides/.cache holds every figure, the full
 * experiments on a clean checkout as in CI), opens it from file:// and checks:
 *   - no page error, no failed request, no request leaving file:// (the deck works offline);
 *   - every slide: each chart drawn by vega-embed has SVG marks, each formula is typeset (KaTeX, no error, no $),
 *     its speaker notes link a notebook;
 *   - the speaker view (key s) opens with the notes;
 *   - every knob explorer: choosing another value changes the drawn data;
 *   - at least 20 slides, 10 charts and 5 explorers (the deck's promise);
 *   - `npm run slides:pdf` writes one PDF page per slide.
 * Screenshots of every slide at 1280×720: build/slides/slide-NN.png. Without Chromium the test is skipped with a
 * message, except under CI=true, where that is a failure.
 */
"use strict";
/* global document, window, Event */ // inspectSlide, moveKnob and drawnData run in the page
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { findChromium } = require("../find-chromium");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "slides", "dist");
const OUT = path.join(ROOT, "build", "slides");
const MIN = { slides: 20, charts: 10, explorers: 5 };

function slidesCommand(cmd) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "slides", "run.js"), cmd], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`node slides/run.js ${cmd} failed (exit ${r.status})`);
}

/** What one slide shows: its charts (drawn? marks?) and formulas (typeset? leftover $?). */
function inspectSlide() {
  const slide = document.querySelector(".reveal .slides section.present");
  const charts = Array.from(slide.querySelectorAll("div.chart")).map((el) => ({
    id: el.dataset.figure,
    drawn: el.dataset.drawn,
    marks: el.querySelectorAll("svg .mark-line path, svg .mark-symbol path, svg .mark-rect path, svg .mark-rule line")
      .length,
    explorer: el.querySelectorAll(".vega-bindings input").length > 0,
  }));
  const text = slide.cloneNode(true);
  text.querySelectorAll(".katex, code, aside.notes, div.chart").forEach((n) => n.remove());
  const links = Array.from(slide.querySelectorAll("aside.notes a")).map((a) => a.getAttribute("href"));
  return {
    charts,
    notebookLinks: links.filter((h) => /notebooks\//.test(h)).length,
    formulas: slide.querySelectorAll(".katex").length,
    katexErrors: slide.querySelectorAll(".katex-error").length,
    dollars: (text.textContent.match(/\$/g) || []).length,
  };
}

/** Chooses another value of the explorer in chart `id` (the next radio button, or the slider's far end). */
function moveKnob(id) {
  const el = document.querySelector(`div.chart[data-figure="${id}"]`);
  const radios = Array.from(el.querySelectorAll('.vega-bindings input[type="radio"]'));
  if (radios.length) {
    const next = radios[(radios.findIndex((r) => r.checked) + 1) % radios.length];
    next.click();
    return next.value;
  }
  const range = el.querySelector('.vega-bindings input[type="range"]');
  range.value = range.value === range.max ? range.min : range.max;
  range.dispatchEvent(new Event("input", { bubbles: true }));
  return range.value;
}

function drawnData(id) {
  const svg = document.querySelector(`div.chart[data-figure="${id}"] svg`);
  return Array.from(svg.querySelectorAll("g.mark-line path, g.mark-symbol path, g.mark-area path"))
    .map((p) => p.getAttribute("d") + p.getAttribute("transform"))
    .join("|");
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    const msg = "no Chromium found for the slides test (sudo apt-get install chromium; or set CHROMIUM_PATH)";
    if (process.env.CI) throw new Error(msg);
    console.log("test:slides: SKIPPED: " + msg);
    return;
  }
  const t0 = performance.now();
  slidesCommand("build");
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (/^slide-\d+\.png$/.test(f)) fs.rmSync(path.join(OUT, f));

  const { chromium } = require("playwright-core");
  const args = process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [];
  const browser = await chromium.launch({ executablePath, args });
  const problems = [];
  let totals;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
    page.on("request", (r) => {
      if (!/^(file|data|blob):/.test(r.url())) problems.push(`request leaves the deck: ${r.url()}`);
    });
    await page.goto("file://" + path.join(DIST, "index.html"));
    await page.waitForFunction(() => document.body.dataset.chartsDrawn !== undefined, null, { timeout: 120_000 });
    const drawn = await page.evaluate(() => document.body.dataset.chartsDrawn);
    if (drawn !== "true") problems.push(`charts: ${drawn}`);
    const n = await page.evaluate(() => window.Reveal.getTotalSlides());
    totals = { slides: n, charts: 0, explorers: 0, formulas: 0 };
    for (let i = 0; i < n; i++) {
      await page.evaluate((k) => window.Reveal.slide(k), i);
      await page.waitForTimeout(50);
      const s = await page.evaluate(inspectSlide);
      const where = `slide ${i + 1}`;
      totals.formulas += s.formulas;
      if (!s.notebookLinks) problems.push(`${where}: the speaker notes link no notebook`);
      if (s.katexErrors) problems.push(`${where}: ${s.katexErrors} formula(s) KaTeX could not typeset`);
      if (s.dollars) problems.push(`${where}: ${s.dollars} "$" left in the text (a formula not typeset?)`);
      for (const c of s.charts) {
        totals.charts++;
        if (c.drawn !== "true" || c.marks === 0) problems.push(`${where}: chart ${c.id} not drawn (${c.marks} marks)`);
      }
      await page.screenshot({ path: path.join(OUT, `slide-${String(i + 1).padStart(2, "0")}.png`) });
      for (const c of s.charts.filter((x) => x.explorer)) {
        totals.explorers++;
        const before = await page.evaluate(drawnData, c.id);
        const value = await page.evaluate(moveKnob, c.id);
        await page.waitForTimeout(150);
        const after = await page.evaluate(drawnData, c.id);
        if (after === before) problems.push(`${where}: moving the knob of ${c.id} to ${value} changed nothing drawn`);
        await page.evaluate(moveKnob, c.id);
      }
    }
    // The speaker view: reveal's notes plugin opens it as a pop-up (no network: it is written by the deck).
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    popup.on("pageerror", (e) => problems.push(`speaker view: page error: ${e.message}`));
    await popup.waitForSelector(".speaker-controls-notes", { timeout: 30_000 });
    await popup.waitForFunction(() => /Notebook/.test(document.querySelector(".speaker-controls-notes").textContent));
  } finally {
    await browser.close();
  }
  for (const [k, min] of Object.entries(MIN)) {
    if (totals[k] < min) problems.push(`the deck has ${totals[k]} ${k}; at least ${min} expected`);
  }
  slidesCommand("pdf");
  const pdf = fs.readFileSync(path.join(DIST, "slides.pdf")).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page\b/g) || []).length;
  if (pages !== totals.slides) problems.push(`slides.pdf has ${pages} pages for ${totals.slides} slides`);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `test:slides: ${totals.slides} slides, ${totals.charts} charts (${totals.explorers} explorers), ` +
      `${totals.formulas} formulas, PDF ${pages} pages; ${s} s; screenshots in build/slides/`,
  );
  if (problems.length) throw new Error("test:slides failed:\n  " + problems.join("\n  "));
  console.log("test:slides: passed");
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
