import { spawnSync } from "child_process";
import { describe, expect, it } from "vitest";
import { FIXTURES, PYTHON } from "./helpers";

/**
 * JupyterLab's "Run All" queues every cell at once; a cell tagged `raises-exception` (the homework check cells) is
 * sent with stop_on_error: false. With nn-knobs imported, tslab then runs the queued cells after its error;
 * without the tag, the queue is aborted as before.
 */
const DRIVER = `
import json, sys
from jupyter_client import KernelManager
km = KernelManager(kernel_name="nn-knobs-tslab")
km.start_kernel(cwd=sys.argv[1])
kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
def run_all(cells):
    ids = [kc.execute(code, stop_on_error=stop) for code, stop in cells]
    status = {}
    while len(status) < len(ids):
        m = kc.get_shell_msg(timeout=120)
        if m["parent_header"].get("msg_id") in ids:
            status[m["parent_header"]["msg_id"]] = m["content"]["status"]
    return [status[i] for i in ids]
try:
    failing = 'checkClose("answer", 1, 2);'
    # Run All of a fresh notebook: the import is queued together with the cells after it
    out = {"tagged": run_all([('import { checkClose } from "nn-knobs";', True), (failing, False), ('console.log("next");', True)])}
    out["untagged"] = run_all([(failing, True), ('console.log("next");', True)])
    print(json.dumps(out))
finally:
    kc.stop_channels(); km.shutdown_kernel(now=True)
`;

describe("a failed check tagged raises-exception does not abort the cells queued after it", () => {
  it("runs the next queued cell after a tagged failure, aborts it after an untagged one", () => {
    const r = spawnSync(PYTHON, ["-c", DRIVER, FIXTURES], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
    expect(out.tagged).toEqual(["ok", "error", "ok"]);
    expect(out.untagged).toEqual(["error", "abort"]);
  });
});
