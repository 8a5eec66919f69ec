/**
 * Each notebook's Restart-and-Run-All time: `jupyter execute` starts a fresh tslab kernel
 * and runs every cell, as a reader's Restart Kernel and Run All Cells does. The target is
 * under 20 s per notebook, 2 minutes for 08's family-trees studies; the figure includes the
 * kernel's start and TypeScript compiles.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const TARGET_SECONDS = 20;
/** Notebooks with a budget of their own (issue 12: 08's study and fit map in two minutes). */
const TARGETS: Record<string, number> = { "08-family-trees.ipynb": 120 };

export function benchNotebooks(): void {
  const out = mkdtempSync(join(tmpdir(), "bench-notebooks-"));
  const notebooks = readdirSync(join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  try {
    for (const notebook of notebooks) {
      const t0 = performance.now();
      try {
        execFileSync(join(ROOT, ".venv/bin/jupyter"), ["execute", `--output=${join(out, notebook)}`, notebook], { cwd: join(ROOT, "notebooks"), stdio: ["ignore", "ignore", "pipe"] });
      } catch (err) {
        const stderr = String((err as { stderr?: Buffer }).stderr ?? err).trim().split("\n");
        console.log(`notebook ${notebook}: failed to run, no time (${stderr.at(-1)})`);
        continue;
      }
      const seconds = (performance.now() - t0) / 1000;
      const target = TARGETS[notebook] ?? TARGET_SECONDS;
      console.log(`notebook ${notebook}: Restart-and-Run-All ${seconds.toFixed(1)} s${seconds < target ? "" : `  (over the ${target} s target)`}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

