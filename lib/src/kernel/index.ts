/**
 * Kernel glue: charts and live displays in Jupyter (tslab), interrupts for async loops, and the tslab fixes.
 * Importing nn-knobs inside a tslab kernel installs the fixes once (the zeromq send fix, the SIGINT stop flag).
 */
import { installKernelHooks } from "./tslab-hooks";

export { isInKernel, installKernelHooks } from "./tslab-hooks";
export { StoppedByUser, checkInterrupt, requestStop, clearStop, stopPending } from "./interrupt";
export { describeSpec, chartBundle, chartBundleAsync, renderSvgSync, type ChartBundle } from "./chart-bundle";
export { Chart, chart, show, showAsync } from "./display";
export { LiveDisplay, liveDisplay, type LiveContent, type LiveDisplayOptions } from "./live-display";
export { Markdown, markdown, showMarkdown, inspectAsMarkdown } from "./markdown";

installKernelHooks();
