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
  config: { lr: 0.45, gammas: [0, 0.2, 0.4, 0.6, 0.8, 0.9], steps: 30 },
  make({ lr, gammas, steps }) {
    const bowl = data.quadraticBowl();
    const paths = gammas.map((gamma) =>
      experiment.optimizeSurface(bowl, { name: "sgd", lr, momentum: gamma }, bowl.start, steps, `γ = ${gamma}`),
    );
    const chart = plot.trajectories(data.surfaceGrid(bowl), paths, { title: `${steps} steps at η = ${lr}` });
    return { spec: plot.explorer(chart, { field: "name", label: "momentum", value: "γ = 0" }) };
  },
});

/** Steps to reach f < tol over (η, γ): the rate map of notebook 05. */
export const momentumRateMap = figure({
  id: "momentum-rate-map",
  notebook: "05-momentum",
  config: {
    lrs: [0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1.2],
    gammas: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    tol: 1e-4,
    maxSteps: 1000,
  },
  make({ lrs, gammas, tol, maxSteps }) {
    const bowl = data.quadraticBowl();
    const grid = gammas.flatMap((momentum) => lrs.map((lr) => ({ name: "sgd" as const, lr, momentum })));
    const steps = experiment.stepsOnGrid(bowl, grid, { tol, maxSteps });
    const best = steps.reduce((a, b) => (b.steps < a.steps ? b : a));
    const plain = steps.filter((s) => s.config.momentum === 0).reduce((a, b) => (b.steps < a.steps ? b : a));
    const spec = plot.heatmap(
      steps.map((s) => ({
        x: s.config.lr,
        y: s.config.momentum as number,
        value: Number.isFinite(s.steps) ? s.steps : NaN,
      })),
      {
        xTitle: "step size η",
        yTitle: "momentum γ",
        valueTitle: "steps",
        logColor: true,
        format: "d",
        title: `steps until f < ${tol} (grey: diverges)`,
      },
    );
    const caption =
      `Fastest without momentum: ${plain.steps} steps (η = ${plain.config.lr}); ` +
      `with momentum: ${best.steps} steps (η = ${best.config.lr}, γ = ${best.config.momentum}).`;
    return { spec, caption };
  },
});

/** SGD, AdaGrad, RMSprop and Adam on a valley turned by 45°, each at its fastest η of a grid. */
export const adaptivePaths = figure({
  id: "adaptive-paths",
  notebook: "06-adaptive-methods",
  config: {
    degrees: 45,
    lrs: [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1],
    optimizers: { SGD: "sgd", AdaGrad: "adagrad", RMSprop: "rmsprop", Adam: "adam" },
    steps: 40,
  },
  make({ degrees, lrs, optimizers, steps }) {
    const turned = data.rotatedQuadratic({ degrees });
    const paths = Object.entries(optimizers).map(([label, name]) => {
      const configs = lrs.map((lr) => ({ name: name as experiment.OptimConfig["name"], lr }));
      const best = experiment.fastestOnSurface(turned, configs, { tol: 1e-4, maxSteps: 500 });
      return experiment.optimizeSurface(turned, best.config, turned.start, steps, `${label} η=${best.config.lr}`);
    });
    const chart = plot.trajectories(data.surfaceGrid(turned), paths, {
      title: `valley turned by ${degrees}°: ${steps} steps, the fastest η of each`,
    });
    return { spec: plot.explorer(chart, { field: "name", label: "optimizer" }) };
  },
});
