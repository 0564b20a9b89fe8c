import type { TopLevelSpec } from "vega-lite";

/** What a figure's `make` returns: the chart, and optionally one sentence computed in the same run. */
export interface FigureResult {
  spec: TopLevelSpec;
  /** Shown under the chart, e.g. a `stats` verdict: numbers measured at build time, never typed in. */
  caption?: string;
}

/**
 * One figure of the deck: a chart computed by the library from a real experiment at build time. `config` is plain
 * JSON (everything the experiment depends on); the cache key is its hash with the text of the file that declares the
 * figure and the library build, so a rebuild without changes reads `slides/.cache/` instead of training again.
 */
export interface Figure<C = unknown> {
  /** Used in the deck as {{figure <id>}}. */
  id: string;
  /** The notebook with the full experiment (shown in the speaker notes). */
  notebook: string;
  config: C;
  make(config: C): Promise<FigureResult> | FigureResult;
}

/** Declares a figure with its config type inferred (an identity, for type checking). */
export function figure<C>(f: Figure<C>): Figure<C> {
  return f;
}
