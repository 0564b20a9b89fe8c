import { execFileSync } from "child_process";
import * as path from "path";

/** Before the kernel tests: make sure .venv, the kernelspec and lib/dist exist (kernel-setup is idempotent). */
export default function setup(): void {
  const root = path.resolve(__dirname, "..", "..");
  execFileSync(process.execPath, [path.join(root, "kernel-setup", "setup.js"), "--quiet"], { stdio: "inherit" });
}
