import * as fs from "fs";
import * as path from "path";
import { defineConfig } from "@playwright/test";

// The UI tests: JupyterLab started the way `npm start` starts it (kernel-setup, then `jupyter lab` from the project
// venv with the project kernel as the default), driven by Galata in Debian's Chromium. Run them with
// `npm run test:ui` (tests/ui/run.js picks the browser and a free port).
const galataConfig = require("@jupyterlab/galata/lib/playwright-config");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "build", "ui");
const port = process.env.NN_KNOBS_UI_PORT ?? "8890";
const chromium = process.env.NN_KNOBS_CHROMIUM ?? "/usr/bin/chromium";
// Jupyter needs its root folder to exist (tests/ui/run.js empties it before each run).
fs.mkdirSync(path.join(OUT, "server-root"), { recursive: true });

export default defineConfig({
  ...galataConfig,
  testDir: __dirname,
  testMatch: "*.spec.ts",
  outputDir: path.join(OUT, "test-results"),
  reporter: [["list"], ["html", { open: "never", outputFolder: path.join(OUT, "report") }]],
  // One browser and one kernel at a time: the machine has few cores and the timings (interrupt < 1 s) matter.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  use: {
    ...galataConfig.use,
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromium },
    viewport: { width: 1280, height: 900 },
    video: "off",
    trace: "retain-on-failure",
    // The test folders live under build/ui/server-root: delete them after each test.
    serverFiles: "off",
  } as Record<string, unknown>,
  webServer: {
    // kernel-setup/start.js is `npm start`; run by this Node, it writes the kernelspec with this Node's path.
    command: [
      JSON.stringify(process.execPath),
      "kernel-setup/start.js",
      "--no-browser",
      `--port=${port}`,
      "--config=tests/ui/jupyter_server_test_config.py",
      `--ServerApp.root_dir=${JSON.stringify(path.join(OUT, "server-root"))}`,
    ].join(" "),
    cwd: ROOT,
    url: `http://127.0.0.1:${port}/lab`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
