/**
 * Pages of ours dropped into a blog (`npm run build -- --embed`), as a blogger does it. A
 * stand-in blog, with its own stylesheet, header, links, heading, table and the asset names
 * every blog has (assets/site.css, assets/page.js), gets the embed built into its folder from
 * the executed notebooks, and a post that pastes two fragments (the training page, with its
 * live figure, and one more) is served over HTTP to headless Chromium. The blog's files must
 * be byte for byte as they were; its elements must keep every computed style they had
 * without us; our charts and equations must draw, plotly.js load once for both fragments,
 * nothing log an error, and every link on the post answer (those to other notebooks go to
 * the full site, `--base-url`, built here from the notebooks they name).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postcss from "postcss";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesUnder } from "../src/io/ownedFolder";
import { TRAINING_PAGE, buildSite } from "../src/site/build";
import { EMBED, buildEmbed, embedCss } from "../src/site/embed";
import { executedNotebook, notebookNames } from "./support/notebooks";
import { sidewaysOverflow } from "./support/siteAudit";
import { SCREENS, serveSite, visit } from "./support/siteVisit";

/** The two notebooks the post embeds: the training page (charts, equations, the live figure) and the one after it. */
const EMBEDDED = [TRAINING_PAGE, "06-weights"];
/** The blog's own elements whose computed styles must not change. */
const HOST_ELEMENTS = ["body", "header.masthead", "header.masthead a", "main > h1", "main > p a", "main > table", "main > table td"];

const HOST_CSS = `body { margin: 0 auto; max-width: 44rem; padding: 0 1rem; font: 18px/1.5 Verdana, sans-serif; color: #222; background: #f4f7f0; }
header { display: flex; gap: 1rem; padding: 1rem; background: #234; font-family: "Courier New", monospace; }
header a { color: #fc6; }
a { color: #0a6d34; text-decoration: underline wavy; }
h1 { font: bold 34px/1.1 Impact, sans-serif; color: #813; margin: 2rem 0 1rem; }
table { border: 3px double #999; width: 100%; }
td, th { padding: 0.5rem; text-align: left; }
`;

const hostPage = (post: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog</title>
<link rel="stylesheet" href="assets/site.css">
</head>
<body>
<header class="masthead"><a href="index.html">A blog</a><a href="about.html">About</a></header>
<main>
<h1>Backprop, retraced</h1>
<p>Some words of mine, and <a href="about.html">a link of mine</a>.</p>
<table><tr><th>Year</th><th>Paper</th></tr><tr><td>1986</td><td>Rumelhart, Hinton and Williams</td></tr></table>
${post}
</main>
<script src="assets/page.js"></script>
</body>
</html>
`;

/** The blog as it was before the build: its own files, by path. */
const HOST_FILES: Record<string, string> = {
  "index.html": hostPage(""),
  "about.html": hostPage("<p>About me.</p>"),
  "assets/site.css": HOST_CSS,
  "assets/page.js": `document.body.dataset.hostScript = "ran";\n`,
};

/** Every computed style of each of the blog's elements, but those that follow the page's length. */
function hostStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate((selectors) => {
    const lengthBound = new Set(["height", "block-size", "perspective-origin", "transform-origin"]);
    return Object.fromEntries(
      selectors.map((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return [selector, Object.fromEntries(Array.from(style).filter((p) => !lengthBound.has(p)).map((p) => [p, style.getPropertyValue(p)]))];
      }),
    );
  }, HOST_ELEMENTS);
}

/**
 * With SCREENSHOTS=1, screenshots for a person to look at in test-artifacts/site-screens/: the
 * post's top (the blog's header, its words, our first fragment's start), a chart, the second fragment's start.
 */
async function look(page: Page, width: string): Promise<void> {
  if (process.env["SCREENSHOTS"] !== "1") return;
  const spots = [page.locator("body"), page.locator(`.${EMBED} .chart`).first(), page.locator(`.${EMBED}`).nth(1)];
  for (const [k, spot] of spots.entries()) {
    await spot.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(SCREENS, `embed-${width}-${k + 1}.png`) });
  }
}

describe("a page of ours embedded in a blog", () => {
  const blog = mkdtempSync(join(tmpdir(), "backprop-blog-"));
  let site: Awaited<ReturnType<typeof serveSite>>;
  let base: string;
  let fragments: string[];
  let built: string[];

  beforeAll(async () => {
    for (const [file, text] of Object.entries(HOST_FILES)) {
      mkdirSync(join(blog, file, ".."), { recursive: true });
      writeFileSync(join(blog, file), text);
    }
    site = await serveSite(blog);
    base = `${site.server.origin}/backprop/`;
    const notebooks = await Promise.all(EMBEDDED.map(async (name) => ({ name, notebook: await executedNotebook(name) })));
    built = buildEmbed(notebooks, blog, { baseUrl: base }).map((p) => p.file);
    fragments = built.map((file) => readFileSync(join(blog, file), "utf8"));
    // The full site at --base-url, with the pages the fragments link to.
    const linked = [...new Set(fragments.flatMap((f) => [...f.matchAll(/href="[^"]*\/backprop\/([\w-]+)\.html/g)].map((m) => m[1]!)))].sort();
    // Only notebooks that exist: a link to one that does not is a 404 for the link check below to name.
    const existing = linked.filter((name) => notebookNames().includes(name));
    buildSite(await Promise.all(existing.map(async (name) => ({ name, notebook: await executedNotebook(name) }))), join(blog, "backprop"));
  });

  afterAll(async () => {
    await site?.close();
    rmSync(blog, { recursive: true, force: true });
  });

  it("writes one folder of its own into the blog's, and leaves every file of the blog's as it was", () => {
    expect(built).toEqual(EMBEDDED.map((name) => `${EMBED}/${name}.fragment.html`));
    const ours = (f: string) => f.startsWith(`${EMBED}/`) || f.startsWith("backprop/");
    expect(filesUnder(blog).filter((f) => !ours(f))).toEqual(Object.keys(HOST_FILES).sort());
    for (const [file, text] of Object.entries(HOST_FILES)) expect(readFileSync(join(blog, file), "utf8"), file).toBe(text);
    expect(filesUnder(join(blog, EMBED))).toEqual(expect.arrayContaining([`${EMBED}.css`, `${EMBED}.js`, "plotly.min.js", "live-training.js"]));
  });

  it("scopes every style rule it brings to a fragment's root, KaTeX's too", () => {
    const css = readFileSync(join(blog, EMBED, `${EMBED}.css`), "utf8");
    expect(css).toBe(embedCss());
    const selectors: string[] = [];
    postcss.parse(css).walkRules((rule) => void selectors.push(...rule.selectors));
    expect(selectors.length).toBeGreaterThan(100);
    expect(selectors.filter((s) => s !== `.${EMBED}` && !s.startsWith(`.${EMBED} `) && !s.startsWith(`.${EMBED}.`))).toEqual([]);
  });

  it("keeps the blog's own look, draws our charts and equations with plotly.js loaded once, and no link on the post fails", async () => {
    writeFileSync(join(blog, "post.html"), hostPage(fragments.join("\n")));
    const own = (url: string) => url.startsWith(site.server.origin);
    const without = await visit(site.browser, `${site.server.origin}/index.html`, own, { width: 1280, height: 900 });
    const before = await hostStyles(without.page);
    await without.page.close();

    const tab = await site.browser.newPage();
    const plotlyLoads: string[] = [];
    tab.on("request", (r) => r.url().endsWith("/plotly.min.js") && plotlyLoads.push(r.url()));
    const { page, errors, foreign, failed, end } = await visit(tab, `${site.server.origin}/post.html`, own, { width: 1280, height: 900 });
    expect(await hostStyles(page)).toEqual(before);
    expect(await page.evaluate(() => document.body.dataset["hostScript"])).toBe("ran");

    // Both fragments drawn: every chart holds traces, every equation is typeset in KaTeX's fonts.
    const drawn = await page.$$eval(`.${EMBED}`, (roots) =>
      roots.map((root) => ({
        charts: Array.from(root.querySelectorAll(".chart")).map((c) => c.querySelectorAll("g.trace, g.hm").length),
        equations: root.querySelectorAll(".katex").length,
        mathmlHidden: Array.from(root.querySelectorAll(".katex-mathml")).every((m) => getComputedStyle(m).position === "absolute"),
      })),
    );
    expect(drawn).toHaveLength(EMBEDDED.length);
    for (const fragment of drawn) {
      expect(fragment.charts.length).toBeGreaterThan(0);
      for (const traces of fragment.charts) expect(traces).toBeGreaterThan(0);
      expect(fragment.equations).toBeGreaterThan(0);
      expect(fragment.mathmlHidden).toBe(true);
    }
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);
    expect(await page.locator("#live-training").getAttribute("data-draws")).not.toBe("0");
    expect(plotlyLoads).toHaveLength(1);
    expect(await page.locator('script[src$="plotly.min.js"]').count()).toBe(1);

    // Every link on the post, the blog's and ours: a page on this server answers (with the anchor it names), an anchor on the post is there.
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const broken: string[] = [];
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== site.server.origin) continue; // the paper and the like, on the web
      const response = await fetch(url.href.replace(/#.*/, ""));
      const text = await response.text();
      if (!response.ok) broken.push(`${href}: ${response.status}`);
      else if (url.hash && !text.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`) && !(url.pathname === "/post.html" && url.hash.startsWith("#eps="))) broken.push(`${href}: no such anchor`);
    }
    expect(hrefs.filter((h) => h.startsWith(base)).length).toBeGreaterThan(0);
    expect(broken).toEqual([]);

    await look(page, "1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600); // the charts redraw 200 ms after the last resize
    expect(await sidewaysOverflow(page)).toBe(0);
    await look(page, "390");
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    end();
  });
});
