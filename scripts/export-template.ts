/**
 * Installs the HTML export template (jupyter/nbconvert/templates/lab-offline) into .venv and
 * selects it, through nbconvert's own extension points: a template folder on Jupyter's data
 * path and the config that names it, for `jupyter nbconvert --to html` and for JupyterLab's
 * File → Save and Export Notebook As → HTML (the server's exporter reads the server's config).
 * Beside the template go the files it inlines: the site's page script and chart styles, and,
 * from the locked npm packages, plotly.js and KaTeX with its fonts as data URLs, so an
 * exported page draws offline. Run by setup.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundled } from "../src/site/build";

const ROOT = resolve(__dirname, "..");
const NAME = "lab-offline";
const source = join(ROOT, "jupyter/nbconvert/templates", NAME);
const target = join(ROOT, ".venv/share/jupyter/nbconvert/templates", NAME);
const katex = join(ROOT, "node_modules/katex/dist");

rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true });
copyFileSync(join(ROOT, "node_modules/plotly.js-dist-min/plotly.min.js"), join(target, "plotly.min.js"));
// The site's page script and chart styles draw the charts, so an export fits them to a phone as the site does.
writeFileSync(join(target, "page.js"), bundled("page.ts"));
copyFileSync(join(ROOT, "src/site/charts.css"), join(target, "charts.css"));
copyFileSync(join(katex, "katex.min.js"), join(target, "katex.min.js"));
copyFileSync(join(katex, "contrib/auto-render.min.js"), join(target, "auto-render.min.js"));
// Each font as a woff2 data URL (every browser that runs the page reads woff2), the others dropped.
const css = readFileSync(join(katex, "katex.min.css"), "utf8")
  .replace(/,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "")
  .replace(/url\(fonts\/([\w-]+\.woff2)\)/g, (_, font: string) => `url(data:font/woff2;base64,${readFileSync(join(katex, "fonts", font)).toString("base64")})`);
if (/url\(fonts\//.test(css)) throw new Error("katex.min.css refers to a font this script does not inline");
writeFileSync(join(target, "katex.css"), css);

// HTMLExporter's template also becomes webpdf's (a subclass, and our template renders PDF too);
// the slides exporter, another subclass, keeps its own.
const selection = { HTMLExporter: { template_name: NAME }, SlidesExporter: { template_name: "reveal" } };
// The server reads only extension switches from jupyter_server_config.d/, so its own file it is.
const etc = join(ROOT, ".venv/etc/jupyter");
mkdirSync(etc, { recursive: true });
for (const app of ["nbconvert", "server"]) writeFileSync(join(etc, `jupyter_${app}_config.json`), `${JSON.stringify(selection, null, 2)}\n`);
