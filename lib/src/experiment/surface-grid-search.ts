import type { LossSurface } from "../data";
import type { OptimConfig } from "./config";
import { optimizeSurface, stepsToTolerance } from "./surface";

/** One optimizer config and the steps it needed on a 2-D surface to reach f < tol (Infinity: never). */
export interface StepsToTolerance {
  config: OptimConfig;
  steps: number;
}

/**
 * Runs every optimizer config on a 2-D surface from its start and counts the steps until f < tol (at most
 * `maxSteps`): the fair way to race optimizers on a picture, each at its own best setting from a grid.
 *
 * @example
 *   const grid = [0.01, 0.1, 0.3].map((lr) => ({ name: "adam", lr }));
 *   stepsOnGrid(quadraticBowl(), grid, { tol: 1e-4 });   // [{ config, steps }, …]
 */
export function stepsOnGrid(
  surface: Pick<LossSurface, "f" | "grad" | "start">,
  configs: readonly OptimConfig[],
  { tol, maxSteps = 1000 }: { tol: number; maxSteps?: number },
): StepsToTolerance[] {
  if (!configs.length) throw new Error("stepsOnGrid: give at least one optimizer config");
  return configs.map((config) => ({
    config,
    steps: stepsToTolerance(optimizeSurface(surface, config, surface.start, maxSteps), tol),
  }));
}

/** The config of the grid that reaches f < tol in the fewest steps (the first of equals). */
export function fastestOnSurface(
  surface: Pick<LossSurface, "f" | "grad" | "start">,
  configs: readonly OptimConfig[],
  options: { tol: number; maxSteps?: number },
): StepsToTolerance {
  return stepsOnGrid(surface, configs, options).reduce((a, b) => (b.steps < a.steps ? b : a));
}
