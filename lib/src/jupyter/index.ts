/**
 * Jupyter glue, the only code that touches tslab: charts and live displays, interrupts for async loops, and the
 * tslab fixes.
 * Importing nn-knobs inside a tslab kernel installs the fixes once (the zeromq send fix, the SIGINT stop flag).
 */
import { installKernelHooks } from "./tslab-hooks";
import { installLoopEnvironment } from "./loop-environment";

export { isInKernel } from "./tslab-hooks";
export { StoppedByUser, checkInterrupt, requestStop } from "./interrupt";
export { Chart, chart, show, showAsync } from "./display";
export { LiveDisplay, liveDisplay, type LiveContent, type LiveDisplayOptions } from "./live-display";

export { liveFitView } from "./live-fit";
export { Markdown, markdown, showMarkdown, inspectAsMarkdown } from "./markdown";

installKernelHooks();
installLoopEnvironment();
