import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { ROOT, runCells, streamText } from "./helpers";

// tslab's launcher is `#!/usr/bin/env node`: without an absolute Node in the kernelspec, the kernel would run under
// the first `node` on the Jupyter server's PATH. kernel-setup (run by global-setup with the Node running these tests)
// names its own Node, so the kernel runs exactly where the project was set up.
describe("the kernel runs under the Node that ran kernel-setup", () => {
  const spec = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".venv", "share", "jupyter", "kernels", "nn-knobs-tslab", "kernel.json"), "utf8"),
  );
  const [cell] = runCells([
    { code: "console.log(JSON.stringify({ execPath: process.execPath, version: process.version }));" },
  ]);

  it("writes an absolute Node path into the kernelspec: the one running kernel-setup", () => {
    expect(path.isAbsolute(spec.argv[0])).toBe(true);
    expect(fs.realpathSync(spec.argv[0])).toBe(fs.realpathSync(process.execPath));
  });

  it("starts the kernel with that Node", () => {
    expect(streamText(cell, "stderr")).toBe("");
    const kernel = JSON.parse(streamText(cell, "stdout"));
    expect(fs.realpathSync(kernel.execPath)).toBe(fs.realpathSync(spec.argv[0]));
    expect(kernel.version).toBe(process.version);
  });
});
