/**
 * One visit of a site page in headless Chromium, watched as a reader's browser would be
 * watched: every console error, every request that leaves the page's origin (or folder),
 * every failed load; it returns once every chart is drawn and the fonts are in.
 */
import { type Browser, type Page } from "playwright-core";

/** What a visit saw: console errors, requests that left the page's origin (or folder), failed loads, every URL it asked for. */
export interface Visit {
  page: Page;
  errors: string[];
  foreign: string[];
  failed: string[];
  requested: Set<string>;
}

/** The desktop window the site tests look at a page in. */
export const DESKTOP = { width: 1100, height: 900 };

export async function visit(browser: Browser, url: string, own: (url: string) => boolean, viewport = DESKTOP): Promise<Visit> {
  const page = await browser.newPage({ viewport });
  const seen: Visit = { page, errors: [], foreign: [], failed: [], requested: new Set() };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("request", (r) => {
    if (r.url().startsWith("data:")) return;
    seen.requested.add(r.url());
    if (!own(r.url())) seen.foreign.push(r.url());
  });
  page.on("requestfailed", (r) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && seen.failed.push(`${r.url()}: ${r.status()}`));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => Array.from(document.querySelectorAll(".chart")).every((c) => c.querySelector(".main-svg")), null, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  return seen;
}

