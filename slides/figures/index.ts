/** Every figure the deck can use ({{figure <id>}} in deck.md), one file per group of related experiments. */
import type { Figure } from "../src/figure";
import { bowlEta, momentumGamma } from "./surfaces";

export const FIGURES: Figure<any>[] = [bowlEta, momentumGamma];
