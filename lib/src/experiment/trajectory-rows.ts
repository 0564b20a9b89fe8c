import type { MetricRow } from "../rows/types";
import type { Trajectory } from "./surface";

/**
 * The losses along 2-D optimizer paths (`optimizeSurface`) as History-style rows — one run per path, step = the
 * iteration, split "train" — so `curves` can draw f along each path like a training curve.
 *
 * @example
 *   show(curves(trajectoryRows(paths), { metric: "f", logY: true, band: "none", color: "run" }));
 */
export function trajectoryRows(paths: readonly Trajectory[], metric = "f"): MetricRow[] {
  return paths.flatMap((t) =>
    t.losses.map((value, step) => ({ run: t.name, seed: 0, step, epoch: 0, split: "train", metric, value })),
  );
}
