/**
 * The site's live figures where they run, in Chromium: the training page's live figure
 * (the time from a slider's change to both charts redrawn: 1,425 sweeps trained on the
 * kernel in the page, then two Plotly.react calls) and the claims page's live study
 * (1,000 seeds to solved or 30,000 sweeps, in web workers on the kernel). Needs a built
 * site (`npm run build`), served on the loopback interface.
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { STUDY_PAGE, TRAINING_PAGE } from "../src/site/build";
import { launchChromium } from "../test/support/browser";
import { serveFolder } from "../test/support/staticServer";

const SITE = join(__dirname, "..", "site"); // bundled into dist/

export async function benchSiteLive(): Promise<void> {
  const missing = [TRAINING_PAGE, STUDY_PAGE].filter((name) => !existsSync(join(SITE, `${name}.html`)));
  if (missing.length > 0) return void console.log(`live figures: no ${missing.join(", ")} in ${SITE}; run 'npm run build' first`);
  const server = await serveFolder(SITE);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/${TRAINING_PAGE}.html`);
    const draws = () => page.$eval("#live-training", (s) => Number((s as HTMLElement).dataset["draws"]));
    await page.waitForFunction(() => Number(document.getElementById("live-training")?.dataset["draws"]) >= 1);
    const times: number[] = [];
    const trained: number[] = [];
    for (let k = 0; k < 30; k++) {
      const before = await draws();
      const started = performance.now();
      await page.locator('input[name="seed"]').fill(String(k + 1));
      await page.waitForFunction((n) => Number(document.getElementById("live-training")!.dataset["draws"]) > n, before);
      times.push(performance.now() - started);
      trained.push(Number(/Trained in (\d+) ms/.exec((await page.locator("#live-training .live-status").textContent()) ?? "")?.[1]));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    console.log(
      `live figure in Chromium: slider to redrawn charts ${median(times).toFixed(0)} ms (median of ${times.length}; slowest ${Math.max(...times).toFixed(0)} ms), ` +
        `of which the run with its snapshots and figures ${median(trained)} ms (median)  [targets: 1,000 ms; a run 4 ms]`,
    );
    await page.goto(`${server.origin}/${STUDY_PAGE}.html#eps=0.1&alpha=0.9&cap=30000`);
    await page.waitForFunction(() => Number(document.getElementById("live-study")?.dataset["runs"]) >= 1, null, { timeout: 600_000 });
    const ms = Number(await page.$eval("#live-study", (s) => (s as HTMLElement).dataset["ms"]));
    console.log(
      `live study in Chromium (claims page, 1,000 seeds to solved or 30,000 sweeps, ε 0.1, α 0.9): ${(ms / 1000).toFixed(1)} s on ${Math.min(cpus().length, 8)} workers, load average ${loadavg()[0]!.toFixed(2)}  [target: 10 s on a 2-core laptop]`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
