/**
 * `npm start`'s server as a reader meets it, run by scripts/start.sh itself in a fresh git
 * repository of its own: the committed index notebook, the start script, the reader's
 * configuration (jupyter/reader/) and the output filter (scripts/strip-outputs.sh), with this
 * clone's .venv and dist/ linked in. So nothing here can touch the real notebooks, and the
 * filter and configuration are the real ones. In headless Chromium: the server opens on
 * 00-index, not the Launcher, unchanged and with no news prompt; the Launcher offers the
 * TypeScript kernel alone; the index opened, run, saved and closed leaves `git status` clean;
 * Notebook 7, opened after JupyterLab, gets its math fonts. Then SIGINT, SIGTERM and SIGHUP each
 * end a server and leave no tslab kernel running.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { freePort, waitForServer } from "./support/jupyterServer";
import { ROOT } from "./support/notebooks";
import { SHOTS } from "./support/trainingNotebook";

const INDEX = "notebooks/00-index.ipynb";
const PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)";
const work = mkdtempSync(join(tmpdir(), "backprop-start-"));
const repo = join(work, "repo");
const runtime = join(work, "runtime");
const token = randomBytes(16).toString("hex");

const git = async (...args: string[]) => (await promisify(execFile)("git", ["-C", repo, ...args])).stdout;

/** The tslab kernels this test's servers started: their connection files are in its runtime folder. */
const kernels = () =>
  execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes("tslab kernel") && line.includes(runtime));

type Server = { process: ChildProcess; base: string; output: () => string };

/** scripts/start.sh, as `npm start` runs it after setup, on a free port with a known token and Jupyter folders of the test's own. */
async function start(): Promise<Server> {
  const port = await freePort();
  let output = "";
  const child = spawn(
    "bash",
    ["scripts/start.sh", "--no-browser", "--ServerApp.ip=127.0.0.1", `--ServerApp.port=${port}`, "--ServerApp.port_retries=0", `--IdentityProvider.token=${token}`, "--LabApp.expose_app_in_browser=True"],
    { cwd: repo, env: { ...process.env, JUPYTER_CONFIG_DIR: join(work, "config"), JUPYTER_DATA_DIR: join(work, "data"), JUPYTER_RUNTIME_DIR: runtime }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/api/status?token=${token}`, child, () => output.slice(-3000));
  return { process: child, base, output: () => output };
}

/** Sends `signal` to the server (start.sh execs it) and waits for it to end; true if it did within 60 s. */
async function stop(server: Server, signal: NodeJS.Signals): Promise<boolean> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return true;
  const exited = new Promise<boolean>((r) => server.process.once("exit", () => r(true)));
  server.process.kill(signal);
  return Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), 60_000))]);
}

beforeAll(async () => {
  mkdirSync(repo);
  await git("init", "--quiet");
  for (const path of [".gitattributes", ".gitignore", "scripts/start.sh", "scripts/strip-outputs.sh", "jupyter/reader"]) cpSync(join(ROOT, path), join(repo, path), { recursive: true });
  mkdirSync(join(repo, "notebooks"));
  // The index as committed here, as a fresh clone has it.
  writeFileSync(join(repo, INDEX), execFileSync("git", ["-C", ROOT, "show", `HEAD:${INDEX}`]));
  symlinkSync(join(ROOT, ".venv"), join(repo, ".venv"));
  symlinkSync(join(ROOT, "dist"), join(repo, "dist"));
  execFileSync("bash", [join(repo, "scripts/strip-outputs.sh")]);
  await git("add", ".gitattributes", ".gitignore", "scripts", "jupyter", "notebooks");
  await git("-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "--quiet", "-m", "a reader's clone");
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(() => {
  // Any kernel a failed step left behind: only this test's, by their connection files.
  for (const line of kernels()) process.kill(Number(line.trim().split(" ")[0]), "SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

describe("npm start's JupyterLab, in a real browser", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const failures: string[] = [];
  const fonts: { app: string; name: string; status: number }[] = [];

  beforeAll(async () => {
    server = await start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400) failures.push(`${r.status()} ${path}`);
      const font = /^\/static\/(\w+)\/([^/]+\.woff2?)$/.exec(path);
      if (font) fonts.push({ app: font[1]!, name: font[2]!, status: r.status() });
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stop(server, "SIGKILL");
  });

  it("prints the index's address, and prints it again rather than starting a second server", async () => {
    expect(server.output()).toMatch(/\/lab\/tree\/00-index\.ipynb\?token=/);
    const again = execFileSync("bash", ["scripts/start.sh"], { cwd: repo, env: { ...process.env, JUPYTER_RUNTIME_DIR: runtime }, encoding: "utf8" });
    expect(again).toContain(`already running on notebooks/ at\n  http://127.0.0.1:${new URL(server.base).port}/lab/tree/00-index.ipynb?token=${token}`);
  });

  it("opens on 00-index, not the Launcher, unchanged by the kernel's start, with no news prompt", async () => {
    const committed = readFileSync(join(repo, INDEX), "utf8");
    await page.goto(`${server.base}/?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    await page.getByText("TypeScript | Idle").waitFor({ timeout: 90_000 });
    // Once the kernel has told JupyterLab its language (the moment the tab used to turn dirty).
    const shown = await page.evaluate(async () => {
      type Panel = { title: { label: string }; content: { model: { dirty: boolean } }; sessionContext: { session: { kernel: { info: Promise<unknown> } } } };
      const panel = (window as unknown as { jupyterapp: { shell: { currentWidget: Panel } } }).jupyterapp.shell.currentWidget;
      await panel.sessionContext.session.kernel.info;
      return { tab: panel.title.label, dirty: panel.content.model.dirty };
    });
    await page.screenshot({ path: join(SHOTS, "start-index.png") });
    expect(shown).toEqual({ tab: "00-index.ipynb", dirty: false });
    // JupyterLab asks about news only while its setting is "none" (ask); the reader's is "false" (never).
    const notification = (await (await fetch(`${server.base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token=${token}`)).json()) as { schema: { properties: Record<string, { default: unknown }> } };
    expect([notification.schema.properties.fetchNews!.default, notification.schema.properties.checkForUpdates!.default]).toEqual(["false", false]);
    expect(await page.getByText(/Jupyter news/).count()).toBe(0);
    expect(await page.locator(".jp-Launcher").count()).toBe(0);
    expect(await page.locator(".lm-DockPanel-tabBar .jp-mod-dirty").count()).toBe(0);
    expect(readFileSync(join(repo, INDEX), "utf8")).toBe(committed);
  });

  it("offers the TypeScript kernel alone in the Launcher", async () => {
    const specs = (await (await fetch(`${server.base}/api/kernelspecs?token=${token}`)).json()) as { default: string; kernelspecs: Record<string, unknown> };
    expect({ default: specs.default, names: Object.keys(specs.kernelspecs) }).toEqual({ default: "tslab", names: ["tslab"] });
    await page.evaluate(() => (window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } }).jupyterapp.commands.execute("launcher:create"));
    const launcher = page.locator(".jp-Launcher:not(.lm-mod-hidden)");
    await launcher.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, "start-launcher.png") });
    const kernelCards = async (section: string) => launcher.locator(".jp-Launcher-section").filter({ hasText: section }).locator(".jp-LauncherCard-label").allTextContents();
    expect(await kernelCards("Notebook")).toEqual(["TypeScript"]);
    expect(await kernelCards("Console")).toEqual(["TypeScript"]);
    await page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter({ hasText: "Launcher" }).locator(".lm-TabBar-tabCloseIcon").click();
    await launcher.waitFor({ state: "detached", timeout: 30_000 });
  });

  it("leaves git status clean after the index is run, saved and closed", async () => {
    await page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter({ hasText: "00-index.ipynb" }).click();
    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByRole("menuitem", { name: "Run All Cells", exact: true }).click();
    await expect.poll(() => page.locator(`${PANEL} .jp-CodeCell .jp-InputArea-prompt`).allTextContents(), { timeout: 120_000 }).toEqual(["[1]:"]);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.querySelector(".lm-DockPanel-tabBar .jp-mod-dirty"), undefined, { timeout: 30_000 });
    // Saved with the claims cell's output: the file did change, the notebook git holds did not.
    expect(readFileSync(join(repo, INDEX), "utf8")).toMatch(/"output_type": "(display_data|execute_result)"/);
    await page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter({ hasText: "00-index.ipynb" }).locator(".lm-TabBar-tabCloseIcon").click();
    await expect.poll(() => page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter({ hasText: "00-index.ipynb" }).count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator(".jp-Dialog").count()).toBe(0);
    // As git saw it before it was opened: not modified, nothing staged, nothing new.
    expect(await git("status", "--porcelain", "--untracked-files=all", "--", "notebooks")).toBe("");
    // A notebook of the reader's own, saved: git is told nothing of it (untracked, not staged).
    const mine = { type: "notebook", content: { cells: [], metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, nbformat: 4, nbformat_minor: 5 } };
    expect((await fetch(`${server.base}/api/contents/mine.ipynb?token=${token}`, { method: "PUT", body: JSON.stringify(mine) })).status).toBe(201);
    expect(await git("status", "--porcelain", "--untracked-files=all", "--", "notebooks")).toBe("?? notebooks/mine.ipynb\n");
  });

  it("draws the index's equations in Notebook 7 after JupyterLab, with every font it asks for", async () => {
    await page.goto(`${server.base}/notebooks/00-index.ipynb?token=${token}`);
    await page.waitForSelector(".jp-MarkdownCell mjx-container", { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: join(SHOTS, "start-notebook7.png") });
    // Fonts JupyterLab served first under the same names (one cache in the server for both).
    const fromLab = new Set(fonts.filter((f) => f.app === "lab").map((f) => f.name));
    expect(fonts.filter((f) => f.app === "notebook" && fromLab.has(f.name)).length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.status !== 200)).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("stops on SIGINT (Ctrl-C) with a notebook open moments before, and leaves no tslab kernel running", async () => {
    // Just opened: the server's file operations have worker threads waiting, which kept the process from ending.
    await page.reload();
    await page.waitForSelector(".jp-Cell", { timeout: 60_000 });
    expect(kernels().length).toBeGreaterThan(0);
    expect(await stop(server, "SIGINT"), server.output().slice(-3000)).toBe(true);
    expect(server.process.exitCode).toBe(0);
    expect(kernels()).toEqual([]);
  });
});

describe("a server ended by a signal", () => {
  it.each(["SIGTERM", "SIGHUP"] as const)("%s leaves no tslab kernel running", async (signal) => {
    const server = await start();
    try {
      // A kernel of the default kind, as a new notebook gets.
      const started = await fetch(`${server.base}/api/kernels?token=${token}`, { method: "POST", body: "{}" });
      expect(((await started.json()) as { name: string }).name).toBe("tslab");
      await expect.poll(() => kernels().length, { timeout: 60_000 }).toBe(1);
      expect(await stop(server, signal), server.output().slice(-3000)).toBe(true);
      expect(kernels()).toEqual([]);
    } finally {
      await stop(server, "SIGKILL");
    }
  });
});
