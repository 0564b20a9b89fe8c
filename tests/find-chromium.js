"use strict";
/*
 * The system Chromium for the browser tests and the slides' PDF (Playwright never downloads one here):
 * NN_KNOBS_CHROMIUM or CHROMIUM_PATH if set, else chromium / chromium-browser / google-chrome on PATH; null if none.
 */
const fs = require("fs");
const path = require("path");

function findChromium() {
  for (const v of ["NN_KNOBS_CHROMIUM", "CHROMIUM_PATH"]) if (process.env[v]) return process.env[v];
  const dirs = (process.env.PATH || "").split(path.delimiter);
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
  }
  return null;
}

module.exports = { findChromium };
