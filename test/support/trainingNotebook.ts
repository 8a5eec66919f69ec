/** Notebook 05, the one the browser tests run and export: its file, its charts, and its live charts' last title. */
import { join } from "node:path";
import { PAPER_SYMMETRY_RUN } from "../../src/index";
import { ROOT } from "./notebooks";

export const NOTEBOOK = "05-training.ipynb";
/** The notebook's Plotly outputs once run: the live loss and weight charts, the replay slider, and the run again with its first sweeps magnified. */
export const CHARTS = 4;
/** Where the browser tests leave their screenshots. */
export const SHOTS = join(ROOT, "test-artifacts");
export const SWEEPS = PAPER_SYMMETRY_RUN.sweeps;
/** The live loss chart's title once the run has ended. */
export const FINAL_TITLE = `E after ${SWEEPS.toLocaleString("en-US")} sweeps`;
