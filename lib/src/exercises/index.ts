/** Checks of the notebooks' exercises, one file per notebook (the check cell calls one of these). */
export * from "./13-summary-recipe";
