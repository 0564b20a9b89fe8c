import * as util from "util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installFakeKernel } from "../jupyter/fake-kernel";
import "../jupyter/markdown"; // installs the Markdown display, as importing nn-knobs does
import type { MetricRow } from "../rows/types";
import { compare } from "./compare";

let kernel: ReturnType<typeof installFakeKernel>;
beforeAll(() => (kernel = installFakeKernel()));
afterAll(() => kernel.uninstall());

it("a Comparison as a cell's last expression shows its Markdown table", () => {
  const rows: MetricRow[] = [0.5, 0.6, 0.7].flatMap((v, seed) => [
    { run: "a", seed, step: 1, epoch: 1, split: "val", metric: "loss", value: v },
    { run: "b", seed, step: 1, epoch: 1, split: "val", metric: "loss", value: v - 0.1 },
  ]);
  const cmp = compare(rows, { metric: "loss", baseline: "a" });
  expect(util.inspect(cmp)).toBe("");
  expect(kernel.sent).toEqual([{ data: { "text/markdown": cmp.table(), "text/plain": cmp.table() }, metadata: {} }]);
  expect(cmp.table()).toContain("| b | 3 |");
});
