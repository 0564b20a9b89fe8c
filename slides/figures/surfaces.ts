/** Figures on 2-D loss surfaces (notebooks 04, 05, 06): cheap, exact, and the clearest pictures of a step rule. */
import { data, experiment, plot } from "nn-knobs";
import { figure } from "../src/figure";

/** η on the bowl f = 0.1·x1² + 2·x2² (λmax = 4): stable below 2/λmax = 0.5, diverging above. */
export const bowlEta = figure({
  id: "bowl-eta",
  notebook: "04-step-size",
  config: { etas: [0.05, 0.15, 0.25, 0.35, 0.45, 0.49, 0.51], steps: 30 },
  make({ etas, steps }) {
    const bowl = data.quadraticBowl();
    const paths = etas.map((lr) =>
      experiment.optimizeSurface(bowl, { name: "sgd", lr }, bowl.start, steps, `η = ${lr}`),
    );
    const chart = plot.trajectories(data.surfaceGrid(bowl), paths, {
      title: `${steps} steps of gradient descent on 0.1·x1² + 2·x2²`,
    });
    return { spec: plot.explorer(chart, { field: "name", label: "step size", value: "η = 0.25" }) };
  },
});

/** γ for momentum on the same bowl at a fixed η: from zig-zag through damped to swinging past the minimum. */
export const momentumGamma = figure({
  id: "momentum-gamma",
  notebook: "05-momentum",
  config: { lr: 0.05, gammas: [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95], steps: 40 },
  make({ lr, gammas, steps }) {
    const bowl = data.quadraticBowl();
    const paths = gammas.map((gamma) =>
      experiment.optimizeSurface(bowl, { name: "sgd", lr, momentum: gamma }, bowl.start, steps, `γ = ${gamma}`),
    );
    const chart = plot.trajectories(data.surfaceGrid(bowl), paths, { title: `${steps} steps, η = ${lr}` });
    return { spec: plot.explorer(chart, { field: "name", label: "momentum", value: "γ = 0.5" }) };
  },
});
