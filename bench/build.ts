/**
 * `npm run build`'s time, as a user waits for it: the whole site with every notebook run, and
 * again after a change to one notebook, when the build reuses the other notebooks' kept runs
 * (src/site/runs.ts); dropping 05's kept run stands in for an edit to its prose. Both builds
 * write to a temporary folder, and the kept runs are those of the current notebooks afterwards.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const RUNS = join(ROOT, "test-artifacts/notebooks");
const EDITED = "05-training";

/** Seconds the build takes, run as `npm run build` runs it. */
function buildSeconds(out: string): number {
  const started = performance.now();
  execFileSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/build-site.ts"), "--out", out], { cwd: ROOT, stdio: "ignore" });
  return (performance.now() - started) / 1000;
}

const dropRuns = (matching: (file: string) => boolean) => {
  if (existsSync(RUNS)) for (const file of readdirSync(RUNS).filter(matching)) rmSync(join(RUNS, file));
};

export function benchBuild(): void {
  const dir = mkdtempSync(join(tmpdir(), "bench-build-"));
  try {
    dropRuns((f) => f.endsWith(".ipynb"));
    const full = buildSeconds(join(dir, "site"));
    dropRuns((f) => f.startsWith(`${EDITED}.`) && f.endsWith(".ipynb"));
    const again = buildSeconds(join(dir, "site"));
    console.log(`site build: ${full.toFixed(0)} s with every notebook run; ${again.toFixed(1)} s after a change to one (${EDITED}, the others' runs reused)`);
  } catch (err) {
    console.log(`site build: failed, no time (${String((err as Error).message).split("\n")[0]})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
