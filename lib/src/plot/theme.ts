import type { Config } from "vega-lite";

/**
 * Shared look of every nn-knobs chart: sizes that fit a 16:9 slide (960 × 540) with room for a legend, and the
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"), which stays distinguishable
 * for protanopia, deuteranopia and tritanopia. Yellow comes late because it is faint on white.
 */
export const OKABE_ITO: readonly string[] = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
];

/** Chart sizes in pixels (the plotting area, without axes and legend). */
export const PLOT_SIZE = {
  width: 440,
  height: 260,
  /** One panel of a faceted chart. */
  facetWidth: 250,
  facetHeight: 170,
  /** Square panels for 2-D views (trajectories, decision boundaries). */
  square: 340,
} as const;

/** The vega-lite `config` every builder sets: palette, font sizes, and a light frame. */
export function plotConfig(): Config {
  return {
    range: { category: [...OKABE_ITO] },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.5 },
    legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
    header: { labelFontSize: 12, titleFontSize: 12 },
    title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: "#555", anchor: "start" },
    view: { stroke: "#ddd" },
  };
}

/** A chart title with optional subtitle lines (notes such as "dropped 3 NaN values"). */
export function titleWithNotes(text: string, notes: string[]): { text: string; subtitle?: string[] } {
  return notes.length > 0 ? { text, subtitle: notes } : { text };
}
