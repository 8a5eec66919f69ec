/**
 * What a reader meets on a page, measured in the browser: axe-core's serious and critical
 * findings, sideways scrolling, chart text cut off or too small to read (from the drawn
 * SVG's boxes), legends that narrow a phone's chart, charts without a text alternative, and
 * charts whose slider changes their size.
 */
import { readFileSync } from "node:fs";
import { type Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations, one line each: rule, count, first element.
 * Each chart's drawing (Plotly's SVG, thousands of nodes on a long page) is left out: the
 * chart reaches a screen reader through its container's label, which `chartsWithoutText`
 * checks, and leaving it out halves axe's time on the longest pages.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run({ include: [document], exclude: [[".js-plotly-plot .main-svg"]] }, { resultTypes: ["violations"] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).join(" | ")}`);
}

/** How far the page reaches past the right edge of the screen, in CSS pixels (0 when it never scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Every piece of chart text, checked from its drawn box: inside its chart and inside the
 * screen's width (a pixel of slack for anti-aliasing), and at least `minPx` high as set.
 * Returns one line per fault, naming the text.
 */
export function chartTextFaults(page: Page, minPx = 8): Promise<string[]> {
  return page.evaluate((minPx) => {
    const faults: string[] = [];
    const screen = document.documentElement.clientWidth;
    document.querySelectorAll<HTMLElement>(".chart").forEach((chart, k) => {
      const frame = chart.getBoundingClientRect();
      chart.querySelectorAll<SVGTextElement>("svg text").forEach((text) => {
        const content = text.textContent?.trim() ?? "";
        if (content === "" || getComputedStyle(text).display === "none" || text.closest("[visibility=hidden], .hovertext, .legendtoggle")) return;
        const box = text.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return;
        const size = parseFloat(getComputedStyle(text).fontSize);
        const where = `chart ${k + 1} "${content.slice(0, 40)}"`;
        if (size < minPx) faults.push(`${where}: ${size.toFixed(1)} px high`);
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
          faults.push(`${where}: outside its chart (${box.left.toFixed(0)}–${box.right.toFixed(0)} × ${box.top.toFixed(0)}–${box.bottom.toFixed(0)} vs ${frame.left.toFixed(0)}–${frame.right.toFixed(0)} × ${frame.top.toFixed(0)}–${frame.bottom.toFixed(0)})`);
        if (box.left < -1 || box.right > screen + 1) faults.push(`${where}: off the screen (${box.left.toFixed(0)}–${box.right.toFixed(0)} of ${screen})`);
      });
    });
    return faults;
  }, minPx);
}

/** Charts (1-based) whose legend stands beside the plot, taking its width, rather than above or below it or inside it. */
export function legendsBeside(page: Page): Promise<number[]> {
  return page.$$eval(".chart", (charts) =>
    charts.flatMap((chart, k) => {
      const legend = chart.querySelector(".legend")?.getBoundingClientRect();
      const plots = Array.from(chart.querySelectorAll(".draglayer .nsewdrag")).map((d) => d.getBoundingClientRect());
      if (!legend || legend.width === 0 || plots.length === 0) return [];
      return legend.left >= Math.max(...plots.map((p) => p.right)) - 1 ? [k + 1] : [];
    }),
  );
}

/** Charts that name nothing to a screen reader: neither a figure caption nor an aria-label. */
export function chartsWithoutText(page: Page): Promise<number[]> {
  return page.$$eval(".chart", (charts) =>
    charts.flatMap((chart, k) => {
      const label = chart.getAttribute("aria-label")?.trim() ?? "";
      const caption = chart.closest("figure")?.querySelector("figcaption")?.textContent?.trim() ?? "";
      return label.length >= 10 || caption.length >= 10 ? [] : [k + 1];
    }),
  );
}

/** Each chart that carries a replay slider: its size and the slider's step before, after a click on the slider, and after a drag along it. */
export async function sliderSizes(page: Page): Promise<{ chart: number; sizes: string[]; steps: string[] }[]> {
  const indices = await page.$$eval(".chart", (charts) => charts.flatMap((c, k) => (c.nextElementSibling?.matches("label.chart-slider") ? [k] : [])));
  const size = (k: number) => page.$$eval(".chart", (charts, k) => { const r = charts[k]!.getBoundingClientRect(); return `${r.width.toFixed(0)}×${r.height.toFixed(0)}`; }, k);
  const results: { chart: number; sizes: string[]; steps: string[] }[] = [];
  for (const k of indices) {
    const chart = page.locator(".chart").nth(k);
    const slider = page.locator(".chart + label.chart-slider").nth(indices.indexOf(k));
    const step = () => slider.locator("output").textContent() as Promise<string>;
    await chart.scrollIntoViewIfNeeded();
    const box = (await slider.locator("input").boundingBox())!;
    const before = await size(k);
    const steps = [await step()];
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.waitForTimeout(300);
    const clicked = await size(k);
    steps.push(await step());
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    steps.push(await step());
    results.push({ chart: k + 1, sizes: [before, clicked, await size(k)], steps });
  }
  return results;
}
