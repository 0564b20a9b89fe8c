/** Initialization (notebook 03): how the init scheme scales the signal through a deep net, at step 0. */
import { data, nn, plot } from "nn-knobs";
import { figure } from "../src/figure";

export const initDepth = figure({
  id: "init-depth",
  notebook: "03-initialization",
  config: {
    depth: 20,
    width: 64,
    images: 256,
    inits: [{ normalStd: 0.01 }, "xavier", "kaiming"] as nn.InitScheme[],
    seed: 0,
  },
  make({ depth, width, images, inits, seed }) {
    const batch = data.loadMnist({ limit: images, seed });
    const sizes = [784, ...new Array<number>(depth - 1).fill(width), 10];
    const rows = inits.flatMap(
      (init) =>
        nn.probeLayers(nn.mlp({ sizes, activation: "relu", init }, seed), batch.x, batch.y, {
          group: nn.initSchemeLabel(init),
        }).rows,
    );
    const shown = rows.filter((r) => r.stat === nn.PROBE_STATS.activationStd);
    const chart = plot.layerStats(shown, {
      logY: true,
      legendTitle: "init",
      width: 560, // 20 layer labels need the room
      height: 300,
      title: `${depth}-layer ReLU MLP (width ${width}) at initialization, ${images} MNIST images`,
    });
    return { spec: plot.explorer(chart, { field: "group", label: "init", value: "kaiming" }) };
  },
});
