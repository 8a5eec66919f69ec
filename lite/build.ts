/**
 * The site's in-browser JupyterLab: JupyterLite (jupyterlite-core, from .venv) with the
 * series' notebooks, stripped of outputs, and the student edition, and with the browser
 * kernel of this folder as a prebuilt JupyterLab extension.
 *
 * The extension is bundled by esbuild, not by JupyterLab's webpack builder (which would
 * bring JupyterLab's whole npm tree into the install): a prebuilt extension is a module
 * federation container, `window._JUPYTERLAB[name]` with `init(shareScope)` and
 * `get(module)`, and ours needs one shared module from the app, @jupyterlite/services, for
 * `BaseKernel` and the tokens it registers with. The kernel's worker, the core bundled for
 * the browser (from src/, as the site's page scripts are), the pool's worker and TensorFlow.js
 * (loaded only by a notebook that imports it) sit beside it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BuildOptions, buildSync } from "esbuild";
import { type Notebook } from "../src/notebook/nbformat";
import { type ExecutedNotebook } from "../src/site/build";
import { LAB_FOLDER } from "../src/site/page";
import { answersCollapsed, studentEdition } from "../src/teaching/editions";
import { TFJS_SCRIPT } from "./tfjsNames";

const ROOT = resolve(__dirname, "..");
const SHIMS = join(ROOT, "lite/shims");

/** The extension's package name, which is also its folder under the lab's extensions/. */
export const EXTENSION_NAME = "backprop-exegesis-kernel";

/** What the core imports from Node, from tslab and from TensorFlow.js, for a web worker. */
const BROWSER_CORE: BuildOptions = {
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  alias: {
    "node:util": join(SHIMS, "util.ts"),
    "node:crypto": join(SHIMS, "crypto.ts"),
    "node:fs": join(SHIMS, "fs.ts"),
    "node:path": join(SHIMS, "path.ts"),
    "node:worker_threads": join(SHIMS, "workerThreads.ts"),
    "tslab/dist/jupyter": join(SHIMS, "tslabJupyter.ts"),
    // The core loads TensorFlow.js on first use (src/teaching/autograd.ts): from the site's own script, not from the worker's bundle.
    "@tensorflow/tfjs-core": join(SHIMS, "tfjs-core"),
    "@tensorflow/tfjs-backend-cpu": join(SHIMS, "tfjs-backend-cpu.js"),
  },
  // The pool finds its worker script beside the running one (src/parallel/seedPool.ts).
  define: { __dirname: "__poolFolder", __filename: '"kernel-worker.js"' },
  banner: { js: 'var __poolFolder = self.location.href.replace(/\\/[^/]*$/, "");' },
};

/** A script with no Node modules to stand in for. */
const PLAIN: BuildOptions = { bundle: true, write: false, format: "iife", platform: "browser", target: "es2022", minify: true, legalComments: "none" };

function bundled(entry: string, options: BuildOptions = BROWSER_CORE): string {
  const { outputFiles } = buildSync({ ...options, entryPoints: [join(ROOT, entry)] });
  return outputFiles![0]!.text;
}

/** The federation container around the plugins: JupyterLite loads it as a script, then calls init and get. */
function remoteEntry(): string {
  const plugins = bundled("lite/extension.ts", { ...PLAIN, globalName: "kernelExtension" });
  return `(function () {
var assets = document.currentScript.src.replace(/[^/]*$/, "");
${plugins}
var services;
window._JUPYTERLAB = window._JUPYTERLAB || {};
window._JUPYTERLAB[${JSON.stringify(EXTENSION_NAME)}] = {
  init: function (scope) {
    var versions = scope["@jupyterlite/services"] || {};
    var newest = Object.keys(versions).sort().pop();
    if (!newest) return Promise.reject(new Error("${EXTENSION_NAME}: the app shares no @jupyterlite/services"));
    return Promise.resolve(versions[newest].get()).then(function (factory) { services = factory(); });
  },
  get: function () {
    return Promise.resolve(function () { return { __esModule: true, default: kernelExtension.plugins(services, assets) }; });
  }
};
})();
`;
}

/** The prebuilt extension's folder, as `jupyter labextension build` would lay it out. */
function writeExtension(root: string): void {
  const folder = join(root, EXTENSION_NAME);
  const entry = remoteEntry();
  const load = `static/remoteEntry.${createHash("sha256").update(entry).digest("hex").slice(0, 12)}.js`;
  mkdirSync(join(folder, "static/parallel"), { recursive: true });
  writeFileSync(join(folder, load), entry);
  writeFileSync(join(folder, "static/kernel-worker.js"), bundled("lite/worker.ts"));
  writeFileSync(join(folder, "static/parallel/seedWorker.js"), bundled("src/parallel/seedWorker.ts"));
  writeFileSync(join(folder, "static", TFJS_SCRIPT), bundled("lite/tfjs.ts", PLAIN));
  const pkg = { name: EXTENSION_NAME, version: "1.0.0", private: true, jupyterlab: { _build: { load, extension: "./extension" } } };
  writeFileSync(join(folder, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
}

/** A notebook as a reader opens it: no outputs, no execution counts, none of the run's timestamps (cell metadata `execution`). */
function stripped(notebook: Notebook): Notebook {
  const unrun = (metadata: Record<string, unknown> = {}) => Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== "execution"));
  return { ...notebook, cells: notebook.cells.map((cell) => (cell.cell_type === "code" ? { ...cell, metadata: unrun(cell.metadata), outputs: [], execution_count: null } : cell)) };
}

/**
 * The lab's settings (jupyter-lite.json). A reader's edits are kept in the browser under a name
 * made from the notebooks as published, so a redeployed notebook, not a stale copy, is what a
 * returning reader opens; exposeAppInBrowser gives window.jupyterapp, which the tests read.
 */
export function liteConfig(notebooks: readonly ExecutedNotebook[]) {
  const published = notebooks.map(({ name, notebook }) => ({ name, notebook: stripped(notebook) }));
  const version = createHash("sha256").update(JSON.stringify(published)).digest("hex").slice(0, 12);
  return {
    "jupyter-lite-schema-version": 0,
    "jupyter-config-data": { appName: "Backprop, re-run", defaultKernelName: "tslab", contentsStorageName: `backprop-exegesis-${version}`, exposeAppInBrowser: true },
  };
}

/** Writes JupyterLite into the site folder `out` (its jupyter/ folder), with the series and, in student-edition/, its student edition. */
export function buildLite(out: string, notebooks: readonly ExecutedNotebook[]): void {
  const work = mkdtempSync(join(tmpdir(), "lite-"));
  try {
    const contents = join(work, "contents");
    const write = (folder: string, edit: (n: Notebook) => Notebook) => {
      mkdirSync(folder, { recursive: true });
      for (const { name, notebook } of notebooks) writeFileSync(join(folder, `${name}.ipynb`), `${JSON.stringify(stripped(edit(notebook)), null, 1)}\n`);
    };
    // The series as the site publishes it, each answer collapsed rather than in plain sight.
    write(contents, answersCollapsed);
    write(join(contents, "student-edition"), studentEdition);
    // Only the extensions a reader needs: ours and the Plotly renderer, not the rest of .venv (nbgrader's teacher tools).
    const extensions = join(work, "extensions");
    writeExtension(extensions);
    cpSync(join(ROOT, ".venv/share/jupyter/labextensions/jupyterlab-plotly"), join(extensions, "jupyterlab-plotly"), { recursive: true });
    const liteDir = join(work, "lite");
    mkdirSync(liteDir);
    writeFileSync(join(liteDir, "jupyter-lite.json"), `${JSON.stringify(liteConfig(notebooks), null, 2)}\n`);
    // Every cell stays in the page, so a live chart scrolled out of view keeps drawing; and no news is fetched from the network.
    const overrides = { "@jupyterlab/notebook-extension:tracker": { windowingMode: "none" }, "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false } };
    writeFileSync(join(liteDir, "overrides.json"), `${JSON.stringify(overrides, null, 2)}\n`);
    const target = join(out, LAB_FOLDER);
    rmSync(target, { recursive: true, force: true });
    execFileSync(
      join(ROOT, ".venv/bin/jupyter"),
      ["lite", "build", "--lite-dir", liteDir, "--settings-overrides", join(liteDir, "overrides.json"), "--contents", contents, "--output-dir", target, "--apps", "lab", "--ignore-sys-prefix", "--no-sourcemaps", "--no-unused-shared-packages", `--FederatedExtensionAddon.extra_labextensions_path=${extensions}`],
      { cwd: work, stdio: ["ignore", "pipe", "pipe"] },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
