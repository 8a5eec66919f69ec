/**
 * `npm run build [-- [--out DIR] [--repo URL] NAME…]`: executes the notebooks (all of notebooks/*.ipynb,
 * or the ones named) with the tslab kernel and writes the static site, site/ by default.
 * Stops at the first cell that fails, naming the notebook, the cell and the error.
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { type ExecutedNotebook, buildSite } from "../src/site/build";
import { executeNotebook } from "../src/site/execute";

const ROOT = resolve(__dirname, "..");
const NOTEBOOKS = join(ROOT, "notebooks");

/** A path as the reader typed it: relative inside the project, absolute outside. */
function shown(path: string): string {
  const inside = relative(ROOT, path);
  return inside.startsWith("..") ? path : inside;
}

function parseArgs(argv: string[]): { out: string; names: string[]; repository?: string } {
  const names: string[] = [];
  let out = join(ROOT, "site");
  let repository: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === "--out") {
      const dir = argv[++k];
      if (dir === undefined) throw new Error("--out needs a folder: --out DIR");
      out = resolve(dir);
    } else if (arg === "--repo") {
      repository = argv[++k];
      if (!repository || !/^https?:\/\/\S+$/.test(repository)) throw new Error("--repo needs the repository's web address: --repo https://github.com/OWNER/NAME");
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}; usage: npm run build -- [--out DIR] [--repo URL] [NOTEBOOK…]`);
    else names.push(arg.replace(/^notebooks\//, "").replace(/\.ipynb$/, ""));
  }
  return { out, names, ...(repository ? { repository } : {}) };
}

function main(): void {
  const { out, names, repository } = parseArgs(process.argv.slice(2));
  const available = readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).map((f) => f.replace(/\.ipynb$/, "")).sort();
  for (const name of names) if (!available.includes(name)) throw new Error(`no notebook ${name}: there are ${available.join(", ")}`);
  const chosen = names.length > 0 ? available.filter((n) => names.includes(n)) : available;
  if (chosen.length === 0) throw new Error("no notebooks in notebooks/");
  const executed: ExecutedNotebook[] = chosen.map((name) => {
    const started = Date.now();
    const notebook = executeNotebook(join(NOTEBOOKS, `${name}.ipynb`));
    console.log(`executed ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { name, notebook };
  });
  const pages = buildSite(executed, out, repository ? { repository } : {});
  for (const { file, bytes } of pages) console.log(`  ${shown(join(out, file))}  ${(bytes / 1024).toFixed(0)} kB`);
  console.log(`site written to ${shown(out)}: open ${shown(join(out, "index.html"))}`);
}

try {
  main();
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
