/**
 * Notebook 05 in the site's in-browser JupyterLab (`npm run build` writes it to site/jupyter/),
 * beside its Restart-and-Run-All under tslab: Run All Cells from the Run menu in Chromium, on a
 * fresh browser kernel, timed from the click to the last cell's end (polled every 50 ms). The
 * target is at most 1.5 times tslab's time on the same machine.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { TRAINING_PAGE } from "../src/site/build";
import { LAB_FOLDER } from "../src/site/page";
import { launchChromium } from "../test/support/browser";
import { labErrors, openInLab, runAllCells } from "../test/support/lab";
import { serveFolder } from "../test/support/staticServer";

const SITE = join(__dirname, "..", "site"); // bundled into dist/
const TARGET_RATIO = 1.5;

/** `tslabSeconds`: the notebook's Restart-and-Run-All under tslab, from benchNotebooks. */
export async function benchLiteNotebook(tslabSeconds: number | undefined): Promise<void> {
  if (!existsSync(join(SITE, LAB_FOLDER))) return void console.log(`browser kernel: no ${LAB_FOLDER}/ in ${SITE}; run 'npm run build' first`);
  const server = await serveFolder(SITE);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await openInLab(page, server.origin, TRAINING_PAGE);
    const started = performance.now();
    const cells = await runAllCells(page, TRAINING_PAGE, 50);
    const seconds = (performance.now() - started) / 1000;
    const errors = labErrors(cells);
    if (errors.length > 0) return void console.log(`notebook ${TRAINING_PAGE} in the browser kernel: failed (${errors[0]})`);
    const beside = tslabSeconds === undefined ? "no tslab time to compare" : `tslab's Restart-and-Run-All ${tslabSeconds.toFixed(1)} s, ratio ${(seconds / tslabSeconds).toFixed(2)}  [target: at most ${TARGET_RATIO}]`;
    console.log(`notebook ${TRAINING_PAGE} in the browser kernel (Chromium, Run All): ${seconds.toFixed(1)} s; ${beside}; load average ${loadavg()[0]!.toFixed(2)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
