import { createRequire } from "module";
import type { DisplayMessage } from "./tslab-hooks";

/**
 * Tests only: makes `isInKernel()` true by registering a stand-in for tslab's `dist/jupyter.js` in require.cache
 * (where tslab-hooks looks for the display writer), and records what would be sent. `uninstall()` undoes it.
 */
export function installFakeKernel(): { sent: DisplayMessage[]; uninstall: () => void } {
  const req = createRequire(__filename);
  const id = "/fake/node_modules/tslab/dist/jupyter.js";
  const sent: DisplayMessage[] = [];
  const exports: { lastWriteDisplayData?: (m: DisplayMessage) => void } = {
    lastWriteDisplayData: (m) => sent.push(m),
  };
  req.cache[id] = { id, exports } as unknown as NodeJS.Module;
  return {
    sent,
    uninstall: () => {
      delete exports.lastWriteDisplayData; // tslab-hooks caches the module object: disable it as well
      delete req.cache[id];
    },
  };
}
