/**
 * The site's in-browser JupyterLab (lite/build.ts) driven as a reader drives it, in Chromium:
 * open a notebook, wait for the browser kernel, Run → Run All Cells, and read the cells as the
 * lab holds them (window.jupyterapp, which the site's lab exposes). For the tests and the bench.
 */
import { type Page } from "playwright-core";
import { labHref } from "../../src/site/page";

export type LabOutput = { output_type: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string };
export type LabCell = { cell_type: string; source: string | string[]; outputs?: LabOutput[]; execution_count?: number | null };

/** The notebook on show, as saved cells. */
export function labCells(page: Page): Promise<LabCell[]> {
  return page.evaluate(() => {
    const app = (window as unknown as { jupyterapp: { shell: { currentWidget: { content: { model: { toJSON(): { cells: unknown[] } } } } } } }).jupyterapp;
    return app.shell.currentWidget.content.model.toJSON().cells as LabCell[];
  });
}

/** Each error output, as "cell N: name: value". */
export const labErrors = (cells: readonly LabCell[]) =>
  cells.flatMap((cell, k) => (cell.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `cell ${k + 1}: ${o.ename}: ${o.evalue}`));

/** Waits until the notebook's kernel, the browser kernel named as tslab's, is idle. */
export const kernelIdle = (page: Page) => page.getByText("TypeScript | Idle").waitFor({ timeout: 90_000 });

/** Run → Run All Cells, then waits until every code cell ran or one failed; returns the cells. */
export async function runAllCells(page: Page, name: string, pollMs = 250): Promise<LabCell[]> {
  await page.getByRole("menuitem", { name: "Run", exact: true }).click();
  await page.getByRole("menuitem", { name: "Run All Cells", exact: true }).click();
  const deadline = Date.now() + 1_200_000;
  for (;;) {
    const cells = await labCells(page);
    const ran = cells.filter((c) => c.cell_type === "code").every((c) => typeof c.execution_count === "number");
    if (labErrors(cells).length > 0 || (ran && (await page.getByText("TypeScript | Idle").count()) > 0)) return cells;
    if (Date.now() > deadline) throw new Error(`${name}: Run All did not end within 20 minutes in the browser kernel`);
    await page.waitForTimeout(pollMs);
  }
}

/**
 * Waits until the notebook on show is `name`'s and its own kernel is idle (read from its
 * session, not the status bar, which may still show the notebook open before it).
 */
export async function shown(page: Page, name: string): Promise<void> {
  type Shell = { currentWidget?: { context?: { path: string }; sessionContext?: { session?: { kernel?: { status: string } | null } | null } } };
  const idle = (path: string) => {
    const widget = (window as unknown as { jupyterapp?: { shell: Shell } }).jupyterapp?.shell.currentWidget;
    return widget?.context?.path === path && widget.sessionContext?.session?.kernel?.status === "idle";
  };
  await page.waitForFunction(idle, `${name}.ipynb`, { timeout: 90_000 });
}

/** Opens notebook `name` in the lab of the site served at `origin`, as a page's link does, and waits for its kernel. */
export async function openInLab(page: Page, origin: string, name: string): Promise<void> {
  await page.goto(`${origin}/${labHref(name)}`);
  await shown(page, name);
}

/** Opens another notebook of the lab already on `page` (File → Open), and waits for its kernel. */
export async function openAlso(page: Page, name: string): Promise<void> {
  // The command resolves to the notebook's widget, which cannot be sent back out of the page: the call returns nothing.
  await page.evaluate(async (path) => {
    await (window as unknown as { jupyterapp: { commands: { execute(id: string, args: object): Promise<unknown> } } }).jupyterapp.commands.execute("docmanager:open", { path });
  }, `${name}.ipynb`);
  await shown(page, name);
}

/** Saves a notebook of code cells, one for each source, into the lab's browser storage as `name`.ipynb, for `openAlso`. */
export function saveNotebook(page: Page, name: string, sources: readonly string[]): Promise<void> {
  return page.evaluate(
    async ([path, cells]) => {
      const app = (window as unknown as { jupyterapp: { serviceManager: { contents: { save(path: string, model: object): Promise<unknown> } } } }).jupyterapp;
      const content = {
        cells: cells.map((source, k) => ({ cell_type: "code", execution_count: null, id: `c${k}`, metadata: {}, outputs: [], source })),
        metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      await app.serviceManager.contents.save(path, { type: "notebook", format: "json", content });
    },
    [`${name}.ipynb`, sources] as const,
  );
}

/** Closes the notebook on show and shuts its kernel down, its edits discarded (no "save?" dialog). */
export function closeNotebook(page: Page): Promise<void> {
  return page.evaluate(async () => {
    type Panel = { content: { model: { dirty: boolean } }; sessionContext: { shutdown(): Promise<void> }; dispose(): void };
    const panel = (window as unknown as { jupyterapp: { shell: { currentWidget: Panel } } }).jupyterapp.shell.currentWidget;
    panel.content.model.dirty = false;
    await panel.sessionContext.shutdown();
    panel.dispose();
  });
}
