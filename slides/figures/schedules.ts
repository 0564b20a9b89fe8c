/** Step-size schedules as closed forms of the step (notebook 04): what each rule does to η over a run. */
import { optim, plot } from "nn-knobs";
import { figure } from "../src/figure";

export const schedules = figure({
  id: "schedules",
  notebook: "04-step-size",
  config: { eta0: 0.1, steps: 1000 },
  make({ eta0, steps }) {
    const rows = [
      ["constant η", new Array<number>(steps).fill(eta0)],
      ["η₀·C/(C + t), C = 100", optim.scheduleValues("inverse-time", eta0, { c: 100 }, steps)],
      [
        "÷10 at 50% and 75%",
        optim.scheduleValues("multistep", eta0, { milestones: [steps / 2, (3 * steps) / 4], gamma: 0.1 }, steps),
      ],
    ].flatMap(([schedule, lrs]) => (lrs as number[]).map((lr, step) => ({ schedule: schedule as string, step, lr })));
    return { spec: plot.schedulePlot(rows, { logY: true, title: `η over ${steps} steps from η₀ = ${eta0}` }) };
  },
});
