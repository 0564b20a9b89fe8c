/**
 * nn-knobs statistics: paired comparisons over seeds with t-based confidence intervals and a verdict per setting
 * (helped / hurt / within noise), rendered as a Markdown table or one sentence per comparison.
 * @example
 *   const cmp = stats.compare(runs, { metric: "accuracy", split: "val", baseline: 0 });
 *   cmp;                 // the table, as a cell's last expression
 *   cmp.sentence();      // the takeaway
 */
export { lnGamma, incompleteBeta, tCdf, tPdf, tQuantile } from "./student-t";
export { mean, median, sampleStd, meanInterval, type MeanInterval } from "./interval";
export { pairedDifference, welchDifference, type DifferenceInterval } from "./difference";
export { settingLabel, type At, type SettingValues } from "./run-values";
export { knobName } from "../rows/labels";
export {
  compare,
  higherIsBetterFor,
  Comparison,
  type CompareOptions,
  type RowSource,
  type SettingResult,
  type Verdict,
} from "./compare";
export { markdownTable, sentence, sentences } from "./report";
export {
  compareAtEach,
  type AtEachPoint,
  AtEachComparison,
  type AtEachRow,
  type AtEachVerdict,
  type CompareAtEachOptions,
} from "./compare-at-each";
export { compareLadder, LadderComparison, type LadderCompareOptions, type LadderRungResult } from "./ladder";
