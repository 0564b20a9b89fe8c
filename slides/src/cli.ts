/** The slides' commands: `build` (npm run slides) and `pdf` (npm run slides:pdf; builds the deck first if missing). */
import * as fs from "fs";
import * as path from "path";
import { buildDeck, DIST } from "./build";
import { writePdf } from "./pdf";

async function main(command: string): Promise<void> {
  if (command === "build") {
    await buildDeck();
  } else if (command === "pdf") {
    if (!fs.existsSync(path.join(DIST, "index.html"))) await buildDeck();
    const t0 = performance.now();
    const { file, pages } = await writePdf();
    console.log(`slides: wrote ${file} (${pages} pages) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    throw new Error(`slides: unknown command "${command}" (build or pdf)`);
  }
}

main(process.argv[2] ?? "build").then(
  // Sweeps leave worker threads idle; exit rather than wait for them.
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
