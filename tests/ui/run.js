#!/usr/bin/env node
/*
 * npm run test:ui: the JupyterLab UI tests (tests/ui/*.spec.ts) with Galata/Playwright in Debian's Chromium.
 * Finds the browser (tests/find-chromium.js: NN_KNOBS_CHROMIUM or CHROMIUM_PATH, else chromium on PATH), picks a
 * free port for the test server (NN_KNOBS_UI_PORT), and runs Playwright; never downloads a browser. Without a browser the
 * tests are skipped with a message, except under CI=true, where that is a failure. Screenshots: build/ui/*.png.
 * Extra arguments go to `playwright test`, e.g.  npm run test:ui -- interrupt   or   -- --headed
 */
"use strict";
const fs = require("fs");
const net = require("net");
const path = require("path");
const { spawnSync } = require("child_process");
const { findChromium } = require("../find-chromium");

const ROOT = path.resolve(__dirname, "..", "..");

/** A port nothing listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    const msg =
      "no Chromium found for the UI tests (Debian/Ubuntu: sudo apt-get install chromium; or set NN_KNOBS_CHROMIUM)";
    if (process.env.CI) {
      console.error("test:ui: " + msg);
      process.exit(1);
    }
    console.log("test:ui: SKIPPED: " + msg);
    return;
  }
  // A fresh server root (the notebooks' copies) and no screenshots left from an earlier run.
  const out = path.join(ROOT, "build", "ui");
  fs.rmSync(path.join(out, "server-root"), { recursive: true, force: true });
  if (fs.existsSync(out)) for (const f of fs.readdirSync(out)) if (f.endsWith(".png")) fs.rmSync(path.join(out, f));
  const port = process.env.NN_KNOBS_UI_PORT || String(await freePort());
  const env = {
    ...process.env,
    NN_KNOBS_CHROMIUM: chromium,
    NN_KNOBS_UI_PORT: port,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  };
  console.log(`test:ui: ${chromium}, JupyterLab on port ${port}, node ${process.version}`);
  const cli = require.resolve("@playwright/test/cli");
  const args = [cli, "test", "-c", path.join(__dirname, "playwright.config.ts"), ...process.argv.slice(2)];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
  process.exit(r.status === null ? 1 : r.status);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
