/**
 * The live training figure's speed where it runs: in Chromium, on the built site's
 * training page, the time from a slider's change to both charts redrawn (1,425 sweeps
 * trained in the page, then two Plotly.react calls). Needs a built site (`npm run build`).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { TRAINING_PAGE } from "../src/site/build";
import { launchChromium } from "../test/support/browser";

const PAGE = join(resolve(__dirname, ".."), "site", `${TRAINING_PAGE}.html`);

export async function benchSiteLive(): Promise<void> {
  if (!existsSync(PAGE)) return void console.log(`live figure: no ${PAGE}; run 'npm run build' first`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(PAGE).href);
    const draws = () => page.$eval("#live-training", (s) => Number((s as HTMLElement).dataset["draws"]));
    await page.waitForFunction(() => Number(document.getElementById("live-training")?.dataset["draws"]) >= 1);
    const times: number[] = [];
    for (let k = 0; k < 30; k++) {
      const before = await draws();
      const started = performance.now();
      await page.locator('input[name="seed"]').fill(String(k + 1));
      await page.waitForFunction((n) => Number(document.getElementById("live-training")!.dataset["draws"]) > n, before);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const inPage = await page.$eval("#live-training", (s) => (s as HTMLElement).dataset["ms"]);
    console.log(
      `live figure, slider to redrawn charts in Chromium: ${times[times.length >> 1]!.toFixed(0)} ms (median of ${times.length}; slowest ${times.at(-1)!.toFixed(0)} ms; last in-page train + draw ${inPage} ms)  [target: 1,000 ms]`,
    );
  } finally {
    await browser.close();
  }
}
