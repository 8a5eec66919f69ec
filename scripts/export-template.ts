/**
 * Installs the export templates into .venv and selects them, through nbconvert's own extension
 * points: a template folder on Jupyter's data path and the config that names it, for
 * `jupyter nbconvert --to html` and `--to slides` and for JupyterLab's File → Save and Export
 * Notebook As (the server's exporter reads the server's config). jupyter/nbconvert/templates/
 * holds `lab-offline` (the HTML page) and `reveal-offline` (lecture slides, as the site's decks).
 * Beside each go the files it inlines: the site's page script, plotly.js and KaTeX with its fonts
 * as data URLs, from the locked npm packages, and each template's own styles (the slides also
 * take reveal.js and the decks' script), so an exported page or deck draws offline. Run by setup.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundled, deckStylesheet } from "../src/site/build";

const ROOT = resolve(__dirname, "..");
const katex = join(ROOT, "node_modules/katex/dist");
// Each font as a woff2 data URL (every browser that runs the page reads woff2), the others dropped.
const katexCss = readFileSync(join(katex, "katex.min.css"), "utf8")
  .replace(/,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "")
  .replace(/url\(fonts\/([\w-]+\.woff2)\)/g, (_, font: string) => `url(data:font/woff2;base64,${readFileSync(join(katex, "fonts", font)).toString("base64")})`);
if (/url\(fonts\//.test(katexCss)) throw new Error("katex.min.css refers to a font this script does not inline");
// The site's page script draws the charts, so an export fits them to a phone, or to a slide, as the site does.
const pageScript = bundled("page.ts");

/** Each template's own files, beside those they all inline. */
const TEMPLATES: Record<string, Record<string, () => string | Buffer>> = {
  "lab-offline": { "charts.css": () => readFileSync(join(ROOT, "src/site/charts.css")) },
  "reveal-offline": { "slides.css": deckStylesheet, "slides.js": () => bundled("slides.ts") },
};

for (const [name, own] of Object.entries(TEMPLATES)) {
  const target = join(ROOT, ".venv/share/jupyter/nbconvert/templates", name);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(ROOT, "jupyter/nbconvert/templates", name), target, { recursive: true });
  copyFileSync(join(ROOT, "node_modules/plotly.js-dist-min/plotly.min.js"), join(target, "plotly.min.js"));
  writeFileSync(join(target, "page.js"), pageScript);
  copyFileSync(join(katex, "katex.min.js"), join(target, "katex.min.js"));
  copyFileSync(join(katex, "contrib/auto-render.min.js"), join(target, "auto-render.min.js"));
  writeFileSync(join(target, "katex.css"), katexCss);
  for (const [file, contents] of Object.entries(own)) writeFileSync(join(target, file), contents());
}

// HTMLExporter's template also becomes webpdf's (a subclass, and our template renders PDF too);
// the slides exporter, another subclass, takes the decks'.
const selection = { HTMLExporter: { template_name: "lab-offline" }, SlidesExporter: { template_name: "reveal-offline" } };
// The server reads only extension switches from jupyter_server_config.d/, so its own file it is.
const etc = join(ROOT, ".venv/etc/jupyter");
mkdirSync(etc, { recursive: true });
for (const app of ["nbconvert", "server"]) writeFileSync(join(etc, `jupyter_${app}_config.json`), `${JSON.stringify(selection, null, 2)}\n`);
