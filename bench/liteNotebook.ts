/**
 * Notebook 05 in the site's in-browser JupyterLab (`npm run build` writes it to site/jupyter/)
 * beside its Restart-and-Run-All under tslab, measured back to back, round after round, so
 * that both figures meet the same load on a shared machine: tslab's from a fresh kernel
 * (bench/restart_run_all.py), the browser's from Run All Cells in the Run menu in Chromium on
 * a fresh browser kernel, timed from the click to the last cell's end (polled every 50 ms).
 * Each is also given as processor time (tslab's kernel; Chromium's processes), which the
 * machine's other work moves less. The target is at most 1.5 times tslab's time.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { TRAINING_PAGE } from "../src/site/build";
import { LAB_FOLDER } from "../src/site/page";
import { launchChromium } from "../test/support/browser";
import { labErrors, openInLab, runAllCells } from "../test/support/lab";
import { serveFolder } from "../test/support/staticServer";
import { restartRunAll } from "./notebooks";
import { descendantsCpuSeconds } from "./processTime";

const SITE = join(__dirname, "..", "site"); // bundled into dist/
const TARGET_RATIO = 1.5;
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function benchLiteNotebook(): Promise<void> {
  if (!existsSync(join(SITE, LAB_FOLDER))) return void console.log(`browser kernel: no ${LAB_FOLDER}/ in ${SITE}; run 'npm run build' first`);
  const server = await serveFolder(SITE);
  const browser = await launchChromium();
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const load = loadavg()[0]!;
      const tslab = restartRunAll(`${TRAINING_PAGE}.ipynb`);
      if (tslab.seconds === undefined) return void console.log(`notebook ${TRAINING_PAGE} under tslab: failed to run (${tslab.error})`);
      const page = await browser.newPage();
      await openInLab(page, server.origin, TRAINING_PAGE);
      const [started, cpuBefore] = [performance.now(), descendantsCpuSeconds()];
      const cells = await runAllCells(page, TRAINING_PAGE, 50);
      const [seconds, cpuAfter] = [(performance.now() - started) / 1000, descendantsCpuSeconds()];
      await page.close();
      const errors = labErrors(cells);
      if (errors.length > 0) return void console.log(`notebook ${TRAINING_PAGE} in the browser kernel: failed (${errors[0]})`);
      ratios.push(seconds / tslab.seconds);
      const cpu = cpuBefore === null || cpuAfter === null || tslab.cpu_seconds === undefined ? null : { tslab: tslab.cpu_seconds, browser: cpuAfter - cpuBefore };
      if (cpu) cpuRatios.push(cpu.browser / cpu.tslab);
      const processor = cpu ? `; processor time: tslab's kernel ${cpu.tslab.toFixed(1)} s, Chromium ${cpu.browser.toFixed(1)} s, ratio ${cpuRatios.at(-1)!.toFixed(2)}` : "";
      console.log(`notebook ${TRAINING_PAGE}, round ${round}: tslab's Restart-and-Run-All ${tslab.seconds.toFixed(1)} s, the browser kernel's Run All (Chromium) ${seconds.toFixed(1)} s, ratio ${ratios.at(-1)!.toFixed(2)}${processor}; load average ${load.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    }
    const byProcessor = cpuRatios.length === ROUNDS ? `; processor time ${median(cpuRatios).toFixed(2)}` : "";
    console.log(`notebook ${TRAINING_PAGE}: browser kernel / tslab, median of ${ROUNDS} rounds: wall time ${median(ratios).toFixed(2)}${byProcessor}  [target: at most ${TARGET_RATIO}]`);
  } finally {
    await browser.close();
    await server.close();
  }
}
