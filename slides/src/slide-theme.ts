import type { TopLevelSpec } from "vega-lite";

/**
 * The library's chart theme, enlarged for a projector: the builders size fonts for a notebook (11–15 px); a slide
 * is read from the back of a room. Only `config` changes; data, marks and scales stay exactly the builder's.
 */
export function forSlides(spec: TopLevelSpec): TopLevelSpec {
  const c: Record<string, any> = (spec as any).config ?? {};
  return {
    ...spec,
    config: {
      ...c,
      font: "Source Sans Pro, Helvetica, Arial, sans-serif",
      axis: { ...c.axis, labelFontSize: 15, titleFontSize: 16, titleFontWeight: "normal" },
      legend: { ...c.legend, labelFontSize: 15, titleFontSize: 15, symbolSize: 160, labelLimit: 320 },
      header: { ...c.header, labelFontSize: 15, titleFontSize: 15 },
      title: { ...c.title, fontSize: 18, subtitleFontSize: 14 },
      text: { ...c.text, fontSize: 14 },
    },
  } as TopLevelSpec;
}
