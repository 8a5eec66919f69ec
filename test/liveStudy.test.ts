/**
 * The claims page's live study in a real browser: notebook 07a's 1,000 seeds trained in web
 * workers on the WebAssembly kernel must give, seed for seed, what the kernel gives in
 * Node, and the chart and counts drawn must be the ones those outcomes make. The site is
 * built with the claims page alone, from the committed notebook (the live study needs
 * none of its outputs), and opened over HTTP and from the file system.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studyOnKernel } from "../src/index";
import { STUDY_PAGE, buildSite } from "../src/site/build";
import { type StudySettings, studyJob } from "../src/site/studySettings";
import { studySummary, studyView } from "../src/site/studyView";
import { NOTEBOOKS, ROOT, readNotebook } from "./support/notebooks";
import { SCREENS, serveSite, visit } from "./support/siteVisit";

const SITE = join(ROOT, "test-artifacts/study-site");
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  buildSite([{ name: STUDY_PAGE, notebook: readNotebook(join(NOTEBOOKS, `${STUDY_PAGE}.ipynb`)) }], SITE);
  site = await serveSite(SITE);
});

afterAll(() => site?.close());

/** The page in a new tab, watched for console errors as every site test watches one (`visit`). */
const open = (url: string, viewport = { width: 1280, height: 900 }) => visit(site.browser, url, () => true, viewport);

const runs = (page: Page) => page.$eval("#live-study", (s) => Number((s as HTMLElement).dataset["runs"]));
const finished = (page: Page, count: number) => page.waitForFunction((n) => Number(document.getElementById("live-study")!.dataset["runs"]) >= n, count, { timeout: 170_000 });

/** What the page drew and reported, against the kernel's outcomes for the same settings in Node. */
async function expectNodeStudy(page: Page, settings: StudySettings): Promise<void> {
  const outcomes = studyOnKernel(studyJob(settings));
  const view = studyView(outcomes, settings);
  const solvedAt = await page.$eval("#live-study", (s) => JSON.parse((s as HTMLElement).dataset["solvedAt"]!) as (number | null)[]);
  expect(solvedAt).toEqual(outcomes.map((o) => o.solvedAt));
  const drawn = await page.$eval(".study-chart", (d) => (d as unknown as { data: { x: number[]; y: number[] }[] }).data[0]!);
  const expected = view.curve.data[0] as { x: number[]; y: number[] };
  expect([drawn.x, drawn.y]).toEqual([expected.x, expected.y]);
  expect(await page.locator(".study-summary li").allTextContents()).toEqual(studySummary(view, settings));
  expect(await page.$eval(".study-progress", (p) => (p as HTMLProgressElement).value)).toBe(outcomes.length);
  expect(await page.locator(".study-chart svg.main-svg").count()).toBeGreaterThan(0);
}

describe("the live study on the claims page", () => {
  it("trains the 1,000 seeds a link names in web workers, started from the page script itself on a page opened from disk, seed for seed as the kernel does in Node, and draws what they show", async () => {
    const settings = { ε: 0.4, α: 0.5, cap: 2000 };
    const { page, errors } = await open(`${pathToFileURL(join(SITE, `${STUDY_PAGE}.html`)).href}#eps=0.4&alpha=0.5&cap=2000`);
    await finished(page, 1);
    await expectNodeStudy(page, settings);
    expect(await page.inputValue('input[name="cap"]')).toBe("2000");
    // Timing is reported, not asserted: the machine is shared.
    console.log(`live study: 1,000 runs in ${await page.$eval("#live-study", (s) => (s as HTMLElement).dataset["ms"])} ms (${await page.locator(".live-status").textContent()})`);
    await page.locator("#live-study").screenshot({ path: join(SCREENS, "live-study.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("waits for the button without a link's settings, then trains and keeps the settings in the URL", async () => {
    const { page, errors } = await open(`${site.server.origin}/${STUDY_PAGE}.html`, { width: 390, height: 844 });
    expect(await page.locator(".live-status").textContent()).toMatch(/Press the button/);
    expect(await runs(page)).toBe(0);
    await page.locator('input[name="eps"]').fill("0.3");
    await page.locator('input[name="cap"]').fill("1000");
    await page.click(".study-run");
    await finished(page, 1);
    expect(await page.evaluate(() => location.hash)).toBe("#eps=0.3&alpha=0.9&cap=1000");
    await expectNodeStudy(page, { ε: 0.3, α: 0.9, cap: 1000 });
    await page.locator("#live-study").screenshot({ path: join(SCREENS, "live-study-phone.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});
