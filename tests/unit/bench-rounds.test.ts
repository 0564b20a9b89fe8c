import { describe, expect, it } from "vitest";

// bench/rounds.js drives one child process per system over a line protocol. The children start together and warm
// up on their own; the driver asks each for its "ready" line in turn, so a child may print it before it is asked.
// That line used to be dropped, and the benchmark then waited forever (seen: a run hung at its third repetition).
const { Child } = require("../../bench/rounds.js") as {
  Child: new (command: string, args: string[]) => { ask(command?: string): Promise<unknown> };
};

const SCRIPT = `
console.log(JSON.stringify({ ready: true }));
require("readline").createInterface({ input: process.stdin }).on("line", (l) => {
  if (l === "done") process.exit(0);
  console.log(JSON.stringify({ echo: l }));
});`;

describe("bench/rounds.js: a child's answers", () => {
  it("keeps a line that came before it was asked for, and answers later questions in order", async () => {
    const child = new Child(process.execPath, ["-e", SCRIPT]);
    await new Promise((r) => setTimeout(r, 1000)); // the child has printed "ready" long before we ask
    expect(await child.ask()).toEqual({ ready: true });
    expect(await child.ask("epoch")).toEqual({ echo: "epoch" });
    expect(await child.ask("again")).toEqual({ echo: "again" });
    await expect(child.ask("done")).rejects.toThrow(/exited with code 0/);
  }, 15_000);
});
