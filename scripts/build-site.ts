/**
 * `npm run build [-- [--out DIR] [--repo URL] [--base-url URL] NAME…]`: executes the notebooks
 * (all of notebooks/*.ipynb, or the ones named) with the tslab kernel and writes the static
 * site: site/ for the whole series, site-NAME…/ for named notebooks, so a page exported alone
 * never replaces the full site. With `--embed NAME…` it writes instead, into DIR (default
 * embed/), the folder backprop-embed/: a fragment per notebook to paste into a blog post that
 * sits in DIR, and its assets (src/site/embed.ts). It writes only into a missing or empty
 * folder or one an earlier build wrote (src/io/ownedFolder.ts), and checks that before running anything. A notebook
 * whose run the tests or an earlier build kept, unchanged since with the core it imports, is
 * not run again (src/site/runs.ts). It says how far each run has got, and stops at the first
 * cell that fails, naming the notebook, the cell and the error.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FolderRefused, checkFolder } from "../src/io/ownedFolder";
import { type Notebook, joined } from "../src/notebook/nbformat";
import { type ExecutedNotebook, SITE_COMMAND, buildSite } from "../src/site/build";
import { EMBED, EMBED_COMMAND, buildEmbed } from "../src/site/embed";
import { keptRun, runAndKeep, sharedInputs } from "../src/site/runs";
import { buildLite } from "../lite/build";

const ROOT = resolve(__dirname, "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const USAGE = "usage: npm run build -- [--embed] [--out DIR] [--repo URL] [--base-url URL] [NOTEBOOK…]";

/** A path as the reader typed it: relative inside the project, absolute outside. */
function shown(path: string): string {
  const inside = relative(ROOT, path);
  return inside.startsWith("..") ? path : inside;
}

const webAddress = (option: string, value: string | undefined, example: string) => {
  if (value !== undefined && !/^https?:\/\/\S+$/.test(value)) throw new Error(`${option} needs a web address: ${option} ${example}`);
  return value;
};

function options(argv: string[]): { out: string; names: string[]; embed: boolean; repository?: string; baseUrl?: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: "string" }, repo: { type: "string" }, "base-url": { type: "string" }, embed: { type: "boolean" } } });
  } catch (err) {
    throw new Error(`${(err as Error).message.split(". ")[0]}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const names = positionals.map((arg) => arg.replace(/^notebooks\//, "").replace(/\.ipynb$/, ""));
  const embed = values.embed === true;
  if (embed && names.length === 0) throw new Error("--embed needs the notebooks to embed, as in npm run build -- --embed 05-training");
  // Named notebooks go to a folder of their own, named after them: the full site stays whole.
  const out = resolve(values.out ?? join(ROOT, embed ? "embed" : names.length > 0 ? `site-${names.join("-")}` : "site"));
  const repository = webAddress("--repo", values.repo, "https://github.com/OWNER/NAME");
  const baseUrl = webAddress("--base-url", values["base-url"], "https://example.org/backprop/");
  return { out, names, embed, ...(repository ? { repository } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A notebook's run: a kept one, or a fresh one with its progress, on one line that a terminal redraws. */
async function executed(name: string, shared: ReturnType<typeof sharedInputs>): Promise<Notebook> {
  const kept = keptRun(name, shared);
  if (kept) {
    console.log(`${name}: unchanged since its last run, reused`);
    return kept;
  }
  const started = performance.now();
  const live = process.stdout.isTTY;
  if (!live) console.log(`${name}: running…`);
  const path = await runAndKeep(
    name,
    live ? (done, total) => process.stdout.write(`\r\x1b[K${name}: ${done} of ${total} cells, ${seconds(started)}`) : undefined,
    shared,
  ).finally(() => live && process.stdout.write("\r\x1b[K"));
  const notebook = JSON.parse(readFileSync(path, "utf8")) as Notebook;
  const cells = notebook.cells.filter((c) => c.cell_type === "code" && joined(c.source).trim() !== "").length;
  console.log(`${name}: ran ${cells} cells in ${seconds(started)}`);
  return notebook;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { out, names, embed, ...site } = options(process.argv.slice(2));
  const available = readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).map((f) => f.replace(/\.ipynb$/, "")).sort();
  for (const name of names) if (!available.includes(name)) throw new Error(`no notebook ${name}: there are ${available.join(", ")}`);
  const chosen = names.length > 0 ? available.filter((n) => names.includes(n)) : available;
  if (chosen.length === 0) throw new Error("no notebooks in notebooks/");
  // Before minutes of running notebooks: a folder the build may not write stops it now.
  if (embed) checkFolder(join(out, EMBED), EMBED_COMMAND);
  else checkFolder(out, SITE_COMMAND);
  const shared = sharedInputs();
  const runs: ExecutedNotebook[] = [];
  for (const name of chosen) runs.push({ name, notebook: await executed(name, shared) });
  // The site comes with the in-browser JupyterLab (jupyter/), where every page's notebook runs with no install.
  const pages = embed ? buildEmbed(runs, out, site) : buildSite(runs, out, { ...site, lab: buildLite });
  for (const { file, bytes } of pages) console.log(`  ${shown(join(out, file))}  ${(bytes / 1024).toFixed(0)} kB`);
  if (embed) console.log(`embed written to ${shown(join(out, EMBED))} in ${seconds(started)}: paste each .fragment.html into a post in ${shown(out)}, or copy ${EMBED}/ beside your post`);
  else console.log(`site written to ${shown(out)} in ${seconds(started)}: open ${shown(join(out, "index.html"))}`);
}

main().catch((err: unknown) => {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(err instanceof FolderRefused ? 2 : 1);
});
