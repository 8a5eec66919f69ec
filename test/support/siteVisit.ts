/**
 * A built site in headless Chromium: served from a loopback static server, and visited
 * one page at a time, each visit watched as a reader's browser would be watched: every
 * console error, every request that leaves the page's origin (or folder), every failed
 * load; a visit returns once every chart is drawn and the fonts are in.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type ConsoleMessage, type Page, type Request, type Response } from "playwright-core";
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
  /** Stops watching: the page (a reused tab) can go on to its next visit. */
  end(): void;
}

/** The desktop window the site tests look at a page in. */
export const DESKTOP = { width: 1100, height: 900 };

/**
 * Opens `url` and watches it, in a new tab of `browser` or in `tab`, reused as a reader's tab
 * is when they follow a link: it keeps its renderer process and its compiled plotly.js, and a
 * page then costs about a third of the processor time (a tab's first page about 3.5 CPU-s).
 * A reused tab goes through a blank page to take `viewport`, so the page it leaves is not
 * redrawn for the new size; `own` says which requests stay on the site.
 */
export async function visit(where: Browser | Page, url: string, own: (url: string) => boolean, viewport = DESKTOP): Promise<Visit> {
  let page: Page;
  if ("goto" in where) {
    page = where;
    await page.goto("about:blank");
    await page.setViewportSize(viewport);
  } else page = await where.newPage({ viewport });
  const onConsole = (m: ConsoleMessage) => m.type() === "error" && seen.errors.push(m.text());
  const onPageError = (e: Error) => seen.errors.push(e.message);
  const onRequest = (r: Request) => {
    if (r.url().startsWith("data:")) return;
    seen.requested.add(r.url());
    if (!own(r.url())) seen.foreign.push(r.url());
  };
  const onFailed = (r: Request) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
  const onResponse = (r: Response) => r.status() >= 400 && seen.failed.push(`${r.url()}: ${r.status()}`);
  const end = () => {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("request", onRequest);
    page.off("requestfailed", onFailed);
    page.off("response", onResponse);
  };
  const seen: Visit = { page, errors: [], foreign: [], failed: [], requested: new Set(), end };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("request", onRequest);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => Array.from(document.querySelectorAll(".chart")).every((c) => c.querySelector(".main-svg")), null, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  return seen;
}
