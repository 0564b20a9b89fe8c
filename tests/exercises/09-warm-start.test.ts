import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { checkSaveAndLoad, resumeParts, type ResumeParts } from "../../lib/src/exercises/09-warm-start";

type Piece = "model" | "optimizer" | "loader";
const ALL: Piece[] = ["model", "optimizer", "loader"];

/** Saves the chosen pieces; the load restores whatever was saved into fresh parts. */
const saveOnly =
  (pieces: Piece[]) =>
  (p: ResumeParts): string =>
    JSON.stringify({
      model: pieces.includes("model") ? p.model.stateDict() : undefined,
      optimizer: pieces.includes("optimizer") ? p.optimizer.stateDict() : undefined,
      loader: pieces.includes("loader") ? p.loader.getState() : undefined,
    });
const load = (text: string, seed: number): ResumeParts => {
  const s = JSON.parse(text);
  const p = resumeParts(seed);
  if (s.model) p.model.loadStateDict(s.model);
  if (s.optimizer) p.optimizer.loadStateDict(s.optimizer);
  if (s.loader) p.loader.setState(s.loader);
  return p;
};

describe("exercise 09: save and resume", () => {
  it("passes the full state", () => {
    expect(() => checkSaveAndLoad(saveOnly(ALL), load)).not.toThrow();
  });

  it.each(ALL)("fails without the %s", (missing) => {
    expect(() => checkSaveAndLoad(saveOnly(ALL.filter((p) => p !== missing)), load)).toThrow(ExerciseFailed);
  });

  it("fails for starting over (fresh parts, nothing loaded)", () => {
    expect(() =>
      checkSaveAndLoad(
        () => "",
        (_t, seed) => resumeParts(seed),
      ),
    ).toThrow(ExerciseFailed);
  });

  it("fails for a save that is not text", () => {
    expect(() => checkSaveAndLoad((() => ({})) as never, load)).toThrow(ExerciseFailed);
  });
});
