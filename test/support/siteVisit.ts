/**
 * A built site in headless Chromium: served from a loopback static server, and visited
 * one page at a time, each visit watched as a reader's browser would be watched: every
 * console error, every request that leaves the page's origin (or folder), every failed
 * load; a visit returns once every chart is drawn and the fonts are in.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "./browser";
import { ROOT } from "./notebooks";
import { type StaticServer, serveFolder } from "./staticServer";

/** Where the site tests leave screenshots for a person to look at. */
export const SCREENS = join(ROOT, "test-artifacts/site-screens");

/** A site folder served on the loopback interface, and a browser to visit it; `close` ends both. */
export async function serveSite(folder: string): Promise<{ server: StaticServer; browser: Browser; close(): Promise<void> }> {
  mkdirSync(SCREENS, { recursive: true });
  const server = await serveFolder(folder);
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { server, browser, close };
}

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

/** Opens `url` in a new page of `browser` and watches it; `own` says which requests stay on the site. */
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
