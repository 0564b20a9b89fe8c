/**
 * The deck in the browser: reveal.js with its speaker-notes plugin, and every `<div class="chart">` drawn by
 * vega-embed from the Vega-Lite spec the build embedded in the page (no fetch: the deck opens from file://).
 * Formulas are already typeset (KaTeX at build time), so nothing here loads from the network.
 */
import Reveal from "reveal.js";
import Notes from "reveal.js/plugin/notes";
import embed from "vega-embed";
import "reveal.js/reveal.css";
import "reveal.js/theme/white.css";
import "katex/dist/katex.min.css";
import "./deck.css";

/** Draws every chart of the page; each chart's finished embed is awaited by the browser test (data-drawn). */
async function drawCharts(): Promise<void> {
  const specs = JSON.parse(document.getElementById("chart-specs")?.textContent ?? "{}") as Record<string, any>;
  const charts = Array.from(document.querySelectorAll<HTMLElement>("div.chart[data-figure]"));
  await Promise.all(
    charts.map(async (el) => {
      const id = el.dataset.figure!;
      const spec = specs[id];
      if (!spec) throw new Error(`no chart spec for figure "${id}"`);
      try {
        // SVG: crisp at any projector resolution and in the PDF; no actions menu (it would link to the web).
        await embed(el, spec, { renderer: "svg", actions: false, tooltip: true });
        // A viewBox lets CSS scale the chart to the space the slide leaves for it.
        const svg = el.querySelector("svg");
        if (svg && !svg.hasAttribute("viewBox")) {
          svg.setAttribute("viewBox", `0 0 ${svg.getAttribute("width")} ${svg.getAttribute("height")}`);
        }
        if (el.querySelector(".vega-bindings input")) el.classList.add("has-controls");
        el.dataset.drawn = "true";
      } catch (e) {
        el.dataset.drawn = "error";
        el.textContent = `chart "${id}" failed: ${(e as Error).message}`;
        throw e;
      }
    }),
  );
}

const deck = new Reveal({
  hash: true,
  width: 1280,
  height: 720,
  margin: 0.03,
  center: false, // slides are laid out from the top (deck.css), also in the PDF
  slideNumber: "c/t",
  transition: "none",
  plugins: [Notes],
});
// The presenter's console and the browser test reach the deck as window.Reveal (as with reveal's own script build).
(window as any).Reveal = deck;
deck
  .initialize()
  .then(drawCharts)
  .then(() => document.body.setAttribute("data-charts-drawn", "true"))
  .catch((e) => {
    document.body.setAttribute("data-charts-drawn", "error");
    console.error(e);
  });
