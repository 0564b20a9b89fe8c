import { setLoopEnvironment } from "../experiment/environment";
import { checkInterrupt } from "./interrupt";
import { liveFitView } from "./live-fit";
import { LiveSweepView } from "./live-sweep";

/**
 * Plugs the notebook behaviour into the library's loops (lib/src/experiment knows nothing of Jupyter): fit's live
 * loss curve, the sweep's live chart, and the interrupt check between steps. Called once on import.
 */
export function installLoopEnvironment(): void {
  setLoopEnvironment({
    fitHooks: (live) => (live ? [liveFitView()] : []),
    sweepView: (live, jobs, results) => new LiveSweepView(live, jobs, results),
    pause: checkInterrupt,
  });
}
