/** The gradient checker on every kind of layer (notebook 00): the lecture's GradCheck, per layer, in float64. */
import { Rng, nn, plot, tensor } from "nn-knobs";
import { figure } from "../src/figure";

export const gradcheckLayers = figure({
  id: "gradcheck-layers",
  notebook: "00-backprop-and-gradcheck",
  config: { batch: 8, features: 5, delta: 1e-5, tol: 1e-6, seed: 0 },
  make({ batch, features, delta, tol, seed }) {
    const x = tensor.randn(batch, features, new Rng(seed), 1, 0, "float64");
    const layers: [string, nn.Module][] = [
      ["Linear", new nn.Linear(features, features, { seed })],
      ["Sigmoid", new nn.Sigmoid()],
      ["Tanh", new nn.Tanh()],
      ["ELU", new nn.ELU()],
      ["BatchNorm1d", new nn.BatchNorm1d(features)],
      ["Softmax", new nn.Softmax()],
    ];
    const rows = layers.map(([name, layer]) => {
      const report = nn.gradCheckModule(layer, x, { delta, tol, seed });
      return { x: name, mean: Math.max(...report.rows.map((r) => r.maxRelError)), pass: report.pass };
    });
    const spec = plot.logBars(
      rows.map(({ x: name, mean }) => ({ x: name, mean })),
      {
        xTitle: "layer",
        yTitle: "max relative error",
        format: ".0e",
        rules: [{ y: tol, label: `tolerance ${tol.toExponential(0)}` }],
        title: `backward vs central differences, δ = ${delta.toExponential(0)}, float64`,
      },
    );
    const passing = rows.filter((r) => r.pass).length;
    return {
      spec,
      caption: `${passing} of ${rows.length} layers pass gradCheckModule at tolerance ${tol.toExponential(0)}.`,
    };
  },
});
