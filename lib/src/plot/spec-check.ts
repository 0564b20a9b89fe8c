import type { TopLevelSpec } from "vega-lite";
import { didYouMean } from "../config";

/** Vega-Lite 5's mark types (primitive and composite). */
export const MARKS = [
  "arc",
  "area",
  "bar",
  "image",
  "line",
  "point",
  "rect",
  "rule",
  "text",
  "tick",
  "trail",
  "circle",
  "square",
  "geoshape",
  "boxplot",
  "errorband",
  "errorbar",
] as const;

const COMPOSITIONS = ["layer", "concat", "hconcat", "vconcat"] as const;

function kind(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "string") return `the string ${JSON.stringify(x.slice(0, 40))}`;
  return typeof x === "object" ? "an object" : `a ${typeof x}`;
}

/**
 * Checks the outline of a chart before vega-lite sees it, so that a common slip fails with a message naming it
 * instead of a TypeError deep inside vega-lite: no spec at all (`show(undefined)`: a builder's result not kept),
 * something that is not a spec object, a view without a mark (or layer/concat/facet/repeat), or an unknown mark
 * type ("lines": did you mean "line"?). Everything else is left to vega-lite's own validation.
 * @example checkSpec(maybeSpec, "show()")   // throws: show(): expected a Vega-Lite spec or a chart, got undefined …
 */
export function checkSpec(spec: unknown, where: string): asserts spec is TopLevelSpec {
  if (spec === undefined || spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    const hint =
      spec === undefined || spec === null
        ? " (a variable that was never assigned, or a function that returns nothing?)"
        : Array.isArray(spec)
          ? " (rows? pass them to a builder such as plot.curves(rows, …))"
          : "";
    throw new Error(
      `${where}: expected a Vega-Lite spec or a chart (an object such as plot.curves(rows, …) returns), ` +
        `got ${spec === undefined ? "undefined" : kind(spec)}${hint}`,
    );
  }
  checkView(spec as Record<string, unknown>, where, "spec");
}

/** "the spec" for the top level, else the path: "spec.layer[1]". */
const named = (at: string) => (at === "spec" ? "the spec" : at);

function checkView(view: Record<string, unknown>, where: string, at: string): void {
  const composed = COMPOSITIONS.filter((k) => view[k] !== undefined);
  for (const k of composed) {
    const parts = view[k];
    if (!Array.isArray(parts)) throw new Error(`${where}: ${at}.${k} should be an array of views, got ${kind(parts)}`);
    parts.forEach((p, i) => {
      if (typeof p !== "object" || p === null || Array.isArray(p))
        throw new Error(`${where}: ${at}.${k}[${i}] should be a view (an object), got ${kind(p)}`);
      checkView(p as Record<string, unknown>, where, `${at}.${k}[${i}]`);
    });
  }
  if (view.spec !== undefined && (view.facet !== undefined || view.repeat !== undefined)) {
    if (typeof view.spec !== "object" || view.spec === null)
      throw new Error(`${where}: ${at}.spec should be a view (an object), got ${kind(view.spec)}`);
    checkView(view.spec as Record<string, unknown>, where, `${at}.spec`);
    return;
  }
  if (composed.length) return;
  if (view.mark === undefined) {
    throw new Error(`${where}: ${named(at)} has no mark (nor layer, concat, facet or repeat): add e.g. mark: "line"`);
  }
  const mark = typeof view.mark === "object" && view.mark !== null ? (view.mark as { type?: unknown }).type : view.mark;
  if (typeof mark !== "string" || !(MARKS as readonly string[]).includes(mark)) {
    throw new Error(
      `${where}: ${named(at)} has an unknown mark ${JSON.stringify(mark) ?? String(mark)}.` +
        `${typeof mark === "string" ? didYouMean(mark, MARKS) : ""} The marks are: ${MARKS.join(", ")}`,
    );
  }
}
