import * as util from "util";
import { describe, expect, it } from "vitest";
import type { MetricRow } from "../rows/types";
import { History } from "../experiment/history";
import { compare } from "./compare";
import { markdownTable, sentence, sentences } from "./report";

/** Rows of a sweep over optim.momentum: per value, per seed, `values[k]` at steps 0, 100, 200, … on "val". */
function sweepRows(
  metric: string,
  bySetting: Record<string, number[][]>, // knob value → per seed → values over steps
  knob = "optim.momentum",
): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const [kv, seeds] of Object.entries(bySetting)) {
    seeds.forEach((vs, seed) =>
      vs.forEach((value, k) =>
        rows.push({
          run: `${knob}=${kv}`,
          seed,
          step: 100 * k,
          epoch: k,
          split: "val",
          metric,
          value,
          knob,
          knobValue: Number(kv),
        }),
      ),
    );
  }
  return rows;
}

// Final accuracy per seed: the baseline varies a lot across seeds, momentum 0.9 adds ~3 points to every seed,
// momentum 0.5 adds +1, −1, +1, −1, +1 points (noise).
const base = [0.8, 0.85, 0.9, 0.95, 0.7];
const accRows = sweepRows("accuracy", {
  0: base.map((b) => [0.1, b]),
  0.5: base.map((b, i) => [0.1, b + [0.01, -0.01, 0.01, -0.01, 0.01][i]]),
  0.9: base.map((b, i) => [0.1, b + [0.03, 0.032, 0.031, 0.029, 0.033][i]]),
});

describe("compare", () => {
  it("gives per setting the mean CI, the paired difference CI, sign agreement and the verdict", () => {
    const cmp = compare(accRows, { metric: "accuracy", baseline: 0 });
    expect(cmp.settings.map((s) => [s.label, s.verdict])).toEqual([
      ["momentum 0", "baseline"],
      ["momentum 0.5", "within noise"],
      ["momentum 0.9", "helped"],
    ]);
    const m9 = cmp.get(0.9);
    // d = [0.03, 0.032, 0.031, 0.029, 0.033]: mean 0.031, s_d = 0.0015811, ± 2.776445·0.00070711 = 0.0019632.
    expect(m9.paired!.mean).toBeCloseTo(0.031, 12);
    expect(m9.paired!.lo).toBeCloseTo(0.0290368, 6);
    expect(m9.paired!.hi).toBeCloseTo(0.0329632, 6);
    expect(m9.seedsAgreeing).toBe(5);
    expect(m9.unpaired!.lo).toBeLessThan(0); // without pairing the same runs would be "within noise"
    // The baseline's own interval: mean 0.84, s = 0.0961769 → ± 2.776445·0.0430116 = 0.1194193.
    expect(cmp.baseline.interval.mean).toBeCloseTo(0.84, 12);
    expect(cmp.baseline.interval.halfWidth).toBeCloseTo(0.1194193, 6);
    expect(cmp.get("momentum 0.5").seedsAgreeing).toBe(3); // d = +1, −1, +1, −1, +1 points, mean +0.2 points
  });

  it("accepts a History or a sweep-like { rows }, and the baseline by run name or label", () => {
    const a = compare(new History(accRows), { metric: "accuracy", baseline: "optim.momentum=0" });
    const b = compare({ rows: accRows }, { metric: "accuracy", baseline: "momentum 0" });
    const c = compare(accRows, { metric: "accuracy" }); // default: the first setting
    for (const x of [a, b, c]) expect(x.baseline.label).toBe("momentum 0");
    expect(compare(accRows, { metric: "accuracy", baseline: 0.9 }).get(0).verdict).toBe("hurt");
  });

  it("for a loss, lower is better: a decrease helped, an increase hurt", () => {
    const rows = sweepRows("loss", {
      0: [
        [1, 0.5],
        [1, 0.6],
        [1, 0.55],
      ],
      0.5: [
        [1, 0.4],
        [1, 0.52],
        [1, 0.45],
      ],
      0.9: [
        [1, 0.7],
        [1, 0.75],
        [1, 0.71],
      ],
    });
    const cmp = compare(rows, { metric: "loss", baseline: 0 });
    expect(cmp.settings.map((s) => s.verdict)).toEqual(["baseline", "helped", "hurt"]);
    expect(cmp.higherIsBetter).toBe(false);
  });

  it("verdict edge cases: identical differences (zero-width CI) and exactly no difference", () => {
    const rows = sweepRows("accuracy", {
      0: [[0.5], [0.6], [0.7]],
      1: [[0.51], [0.61], [0.71]], // +0.01 on every seed: a zero-width CI that excludes 0
      2: [[0.5], [0.6], [0.7]], // identical: CI [0, 0], contains 0
      3: [[0.49], [0.61], [0.7]], // one seed worse, one better
    });
    const cmp = compare(rows, { metric: "accuracy" });
    expect(cmp.get(1).verdict).toBe("helped");
    expect(cmp.get(1).paired!.halfWidth).toBe(0);
    expect(cmp.get(2).verdict).toBe("within noise");
    expect(cmp.get(2).seedsAgreeing).toBe(0);
    expect(cmp.get(3).verdict).toBe("within noise");
  });

  it("at: the final value, the best over the run, or the value at a step", () => {
    const rows = sweepRows("accuracy", {
      0: [
        [0.5, 0.9, 0.8],
        [0.5, 0.91, 0.8],
        [0.5, 0.92, 0.8],
      ],
      1: [
        [0.5, 0.8, 0.85],
        [0.5, 0.8, 0.86],
        [0.5, 0.81, 0.85],
      ],
    });
    expect(compare(rows, { metric: "accuracy" }).get(1).verdict).toBe("helped"); // final: 0.85.. vs 0.8
    expect(compare(rows, { metric: "accuracy", at: "best" }).get(1).verdict).toBe("hurt"); // best: 0.85 vs 0.91
    expect(compare(rows, { metric: "accuracy", at: 0 }).get(1).verdict).toBe("within noise"); // step 0: equal
    expect(compare(rows, { metric: "accuracy", at: 100 }).get(1).interval.mean).toBeCloseTo(0.80333333, 7);
    expect(() => compare(rows, { metric: "accuracy", at: 150 })).toThrow(
      "compare: run optim.momentum=0 seed 0 has no value at step 150; its nearest recorded steps are 100, 200, 0",
    );
  });

  it("a diverged run makes its setting 'diverged'; a diverged baseline is an error", () => {
    const rows = sweepRows(
      "loss",
      {
        0.1: [
          [1, 0.5],
          [1, 0.6],
        ],
        10: [
          [1, 0.9],
          [1, NaN],
        ],
      },
      "optim.lr",
    );
    rows.push({ run: "optim.lr=10", seed: 0, step: 150, epoch: 1, split: "train", metric: "diverged", value: 150 });
    const cmp = compare(rows, { metric: "loss", baseline: 0.1 });
    expect(cmp.get(10).verdict).toBe("diverged");
    expect(cmp.get(10).diverged).toEqual([0, 1]);
    expect(sentence(cmp)).toBe("lr 10 diverged on 2/2 seeds, so its final val loss is not compared.");
    expect(() => compare(rows, { metric: "loss", baseline: 10 })).toThrow(
      'compare: the baseline "lr 10" diverged for seed(s) 0, 1; choose a baseline that trains',
    );
  });

  it("errors name what exists: metric, split, baseline, seeds, n < 2, direction", () => {
    expect(() => compare(accRows, { metric: "acc" })).toThrow(
      'compare: no rows with metric "acc"; the rows have: accuracy',
    );
    expect(() => compare(accRows, { metric: "accuracy", split: "test" })).toThrow(
      'compare: metric "accuracy" has no rows on split "test"; it is recorded on: val',
    );
    expect(() => compare(accRows, { metric: "accuracy", baseline: 0.99 })).toThrow(
      "compare: baseline 0.99 matches no setting; the settings are: momentum 0 (knob value 0), momentum 0.5 (knob value 0.5), momentum 0.9 (knob value 0.9)",
    );
    const missingSeed = accRows.filter((r) => !(r.knobValue === 0.5 && r.seed === 4));
    expect(() => compare(missingSeed, { metric: "accuracy" })).toThrow(
      'compare: pairing by seed is impossible: "momentum 0.5" has seeds [0, 1, 2, 3] but the baseline "momentum 0" has [0, 1, 2, 3, 4]',
    );
    const oneSeed = accRows.filter((r) => r.seed === 0);
    expect(() => compare(oneSeed, { metric: "accuracy" })).toThrow(
      'compare: a confidence interval needs at least 2 seeds; baseline "momentum 0" has 1',
    );
    const gn = accRows.map((r) => ({ ...r, metric: "gradNorm" }));
    expect(() => compare(gn, { metric: "gradNorm" })).toThrow('cannot tell whether a higher "gradNorm" is better');
    expect(compare(gn, { metric: "gradNorm", higherIsBetter: false }).get(0.9).verdict).toBe("hurt");
    expect(() => compare([], { metric: "loss" })).toThrow("compare: no rows to compare");
    expect(() => compare(accRows, { metric: "accuracy", at: "last" as "final" })).toThrow(
      'compare: at must be "final", "best" or a step number, got "last"',
    );
    expect(() => compare(accRows, { metric: "accuracy" }).get(2)).toThrow("Comparison.get: no setting 2");
  });

  it("writes one sentence per compared setting, in points for accuracies", () => {
    // momentum 0.5: d = [+1, -1, +1, -1, +1] points: mean +0.2, s = 1.0954, ± 2.776445·0.48990 = 1.3602.
    const cmp = compare(accRows, { metric: "accuracy", baseline: 0 });
    expect(sentences(cmp)).toEqual([
      "momentum 0.5 is within noise of momentum 0: final val accuracy +0.20 points [-1.16, +1.56], 3/5 seeds agree.",
      "momentum 0.9 helped: final val accuracy +3.10 points [+2.90, +3.30] vs momentum 0, 5/5 seeds agree.",
    ]);
    expect(cmp.sentence()).toBe(sentences(cmp).join("\n"));
    expect(cmp.sentence(0.9)).toBe(sentences(cmp)[1]);
    expect(cmp.sentence(0)).toBe("momentum 0 is the baseline.");
    const at90 = compare(accRows, { metric: "accuracy", confidence: 0.9, at: 100 });
    expect(at90.sentence(0.9)).toMatch(
      /^momentum 0.9 helped: val accuracy at step 100 \+3.10 points \[.*\] \(90% CI\) vs momentum 0/,
    );
  });

  it("renders a Markdown table and shows it as text outside a kernel", () => {
    const cmp = compare(accRows, { metric: "accuracy", baseline: 0 });
    expect(markdownTable(cmp)).toBe(
      [
        "| momentum | seeds | final val accuracy (mean, 95% CI) | paired Δ vs momentum 0 (points), 95% CI | seeds agreeing | verdict |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 0 | 5 | 84.00% [72.06, 95.94] | — | — | baseline |",
        "| 0.5 | 5 | 84.20% [72.98, 95.42] | +0.20 [-1.16, +1.56] | 3/5 | within noise |",
        "| 0.9 | 5 | 87.10% [75.30, 98.90] | +3.10 [+2.90, +3.30] | 5/5 | **helped** |",
      ].join("\n"),
    );
    expect(util.inspect(cmp)).toBe(markdownTable(cmp));
    expect(String(cmp)).toBe(markdownTable(cmp));
  });

  it("labels settings by run name when the rows come from different runs, not a sweep", () => {
    const rows: MetricRow[] = [];
    const ladder = { naive: [2.0, 2.2, 2.1], "+ shuffle": [1.5, 1.8, 1.6] };
    for (const [run, vs] of Object.entries(ladder)) {
      vs.forEach((value, seed) => rows.push({ run, seed, step: 10, epoch: 1, split: "val", metric: "loss", value }));
    }
    const cmp = compare(rows, { metric: "loss", baseline: "naive" });
    // d = [-0.5, -0.4, -0.5]: mean -0.4667, s = 0.057735, ± 4.302653·0.033333 = 0.14342.
    expect(cmp.sentence()).toBe("+ shuffle helped: final val loss -0.47 [-0.61, -0.32] vs naive, 3/3 seeds agree.");
    expect(markdownTable(cmp).split("\n")[0]).toMatch(/^\| setting \| seeds \|/);
  });
});
