import { Parameter } from "../nn/module";
import { Tensor } from "../tensor";
import type { LossSurface } from "../data";
import { buildOptimizer, buildScheduler } from "./build";
import type { OptimConfig, ScheduleConfig } from "./config";

export interface Trajectory {
  name: string;
  points: [number, number][];
  losses: number[];
}

/**
 * Runs an optimizer on a 2-D surface from `start` for `steps` steps and returns the path — the d2l-style picture of
 * how SGD zig-zags across a steep valley and momentum or Adam do not. The optimizer is the library's own (built
 * from a config such as `{ name: "sgd", lr: 0.4, momentum: 0.5 }`), on one float64 parameter [x1, x2].
 *
 * With `schedule` (a config such as `{ name: "step", stepSize: 10, gamma: 0.1 }`) the learning rate follows it:
 * `scheduler.step()` after every `optimizer.step()`, as in `fit` (the schedule's total is `steps`).
 *
 * @example
 *   const path = optimizeSurface(quadraticBowl(), { name: "sgd", lr: 0.4, momentum: 0.5 }, [-5, -2], 40);
 *   const dropped = optimizeSurface(bowl, { name: "heavy-ball", lr: 0.3, momentum: 0.9 }, bowl.start, 50, "η ÷ 10 at 10",
 *     { schedule: { name: "step", stepSize: 10, gamma: 0.1 } });
 */
export function optimizeSurface(
  surface: Pick<LossSurface, "f" | "grad">,
  optim: OptimConfig,
  start: [number, number],
  steps: number,
  name?: string,
  options: { schedule?: ScheduleConfig } = {},
): Trajectory {
  const p = new Parameter(Tensor.fromRows([start], "float64"));
  const opt = buildOptimizer([p], optim);
  const scheduler = options.schedule ? buildScheduler(opt, options.schedule, steps) : undefined;
  const points: [number, number][] = [[start[0], start[1]]];
  const losses = [surface.f(start[0], start[1])];
  for (let t = 0; t < steps; t++) {
    const [x, y] = p.value.data;
    const [gx, gy] = surface.grad(x, y);
    opt.zeroGrad();
    p.grad.data[0] = gx;
    p.grad.data[1] = gy;
    opt.step();
    scheduler?.step(); // the rate for the next step
    const [nx, ny] = p.value.data;
    points.push([nx, ny]);
    losses.push(surface.f(nx, ny));
    if (!Number.isFinite(losses[losses.length - 1])) break;
  }
  const label =
    name ??
    `${optim.name} ${Object.entries(optim)
      .filter(([k]) => k !== "name")
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`;
  return { name: label, points, losses };
}

/** The first step at which the loss falls below `tol` (Infinity if never): "steps to reach a tolerance". */
export function stepsToTolerance(t: Trajectory, tol: number): number {
  const i = t.losses.findIndex((l) => l < tol);
  return i < 0 ? Infinity : i;
}
