/** Checks nn-knobs' init against torch's gains, fans and the bounds/stds torch's formulas give. */
import { Rng, Tensor, nn } from "../../lib/src";
import { Comparison } from "./compare";
import type { InitFixtures } from "./fixture-types";

export function runGainsAndFans(init: InitFixtures): Comparison {
  const cmp = new Comparison("init: calculate_gain and _calculate_fan_in_and_fan_out", "float64");
  for (const g of init.gains) {
    const ours = nn.calculateGain(g.nonlinearity as nn.Nonlinearity, g.param ?? undefined);
    cmp.check(`calculate_gain("${g.nonlinearity}", ${g.param})`, ours, g.gain);
  }
  for (const f of init.fans) {
    const { fanIn, fanOut } = nn.calculateFans(Tensor.zeros(f.shape[0], f.shape[1]));
    cmp.check(`fans of [${f.shape}]`, [fanIn, fanOut], [f.fanIn, f.fanOut]);
  }
  return cmp;
}

/** Draws at least 20 000 values (refilling the tensor) so the sample's max or std pins the bound or std down. */
function samples(b: InitFixtures["bounds"][number], rng: Rng): Float64Array {
  const t = Tensor.zeros(b.shape[0], b.shape[1], "float64");
  const fills = Math.ceil(20000 / t.size);
  const out = new Float64Array(fills * t.size);
  for (let k = 0; k < fills; k++) {
    if (b.init === "kaiming_uniform_") nn.kaimingUniform_(t, rng, b.options as never);
    else if (b.init === "kaiming_normal_") nn.kaimingNormal_(t, rng, b.options as never);
    else if (b.init === "xavier_uniform_") nn.xavierUniform_(t, rng, b.gain);
    else nn.xavierNormal_(t, rng, b.gain);
    out.set(t.data, k * t.size);
  }
  return out;
}

/**
 * The library does not expose its bounds, so its samples are checked against torch's numbers: a uniform init must
 * stay inside [−bound, bound] and reach past 0.999·bound (20 000 draws miss that with probability 0.999^20000 ≈ 2e-9);
 * a normal init's sample std must be within 3% of torch's std (the std's standard error is 0.5% at 20 000 draws).
 */
export function boundProblems(init: InitFixtures, seed = 1): string[] {
  const rng = new Rng(seed);
  const problems: string[] = [];
  for (const b of init.bounds) {
    const w = samples(b, rng);
    const label = `${b.init} [${b.shape}] ${JSON.stringify(b.options ?? { gain: b.gain })}`;
    if (b.bound !== undefined) {
      const max = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      if (max > b.bound || max < 0.999 * b.bound) problems.push(`${label}: max |w| ${max}, torch's bound ${b.bound}`);
    } else {
      const mean = w.reduce((s, v) => s + v, 0) / w.length;
      const std = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / (w.length - 1));
      if (Math.abs(std / (b.std as number) - 1) > 0.03)
        problems.push(`${label}: sample std ${std}, torch's std ${b.std}`);
    }
  }
  return problems;
}
