/**
 * Each notebook's Restart-and-Run-All time, as a reader's Restart Kernel and Run All Cells:
 * bench/restart_run_all.py (nbclient, in .venv) starts a fresh tslab kernel and runs every
 * cell, timed from the kernel's start to the last cell's end (the kernel's start and its
 * TypeScript compiles included; Python's own start and imports, which JupyterLab's reader
 * never waits for, left out). The target is under 20 s per notebook, 2 minutes for 08b's
 * family-trees studies.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const TARGET_SECONDS = 20;
/** Notebooks with a budget of their own (issue 12: 08b's study and fit map in two minutes). */
const TARGETS: Record<string, number> = { "08b-family-trees-study.ipynb": 120 };

/** One notebook's Restart-and-Run-All under tslab (`notebook` as in notebooks/, with .ipynb): its seconds, or why it failed. */
export function restartRunAll(notebook: string): { seconds?: number; cpu_seconds?: number; error?: string } {
  try {
    const printed = execFileSync(join(ROOT, ".venv/bin/python"), [join(ROOT, "bench/restart_run_all.py"), join(ROOT, "notebooks", notebook)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(printed) as ReturnType<typeof restartRunAll>;
  } catch (err) {
    return { error: String((err as { stderr?: string }).stderr ?? err).trim().split("\n").at(-1) };
  }
}

/** Prints each notebook's time and returns them, by notebook name (without .ipynb). */
export function benchNotebooks(): Record<string, number> {
  const seconds: Record<string, number> = {};
  const notebooks = readdirSync(join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  for (const notebook of notebooks) {
    const result = restartRunAll(notebook);
    if (result.seconds === undefined) {
      console.log(`notebook ${notebook}: failed to run, no time (${result.error})`);
      continue;
    }
    seconds[notebook.replace(/\.ipynb$/, "")] = result.seconds;
    const target = TARGETS[notebook] ?? TARGET_SECONDS;
    console.log(`notebook ${notebook}: Restart-and-Run-All ${result.seconds.toFixed(1)} s${result.seconds < target ? "" : `  (over the ${target} s target)`}`);
  }
  return seconds;
}
