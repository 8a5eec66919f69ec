/**
 * `npm run build` as a user runs it, on notebooks the test run has already executed: it reuses
 * each kept run instead of running the notebook again, says so, and writes a partial site
 * whose every link leads to a file that is there.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder } from "../src/io/ownedFolder";
import { ROOT, executedNotebook } from "./support/notebooks";

const dir = mkdtempSync(join(tmpdir(), "build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run build of two notebooks", () => {
  it("reuses their kept runs, links only to what it wrote, and says where the site is", async () => {
    const names = ["02-dataset", "03-loss"];
    for (const name of names) await executedNotebook(name);
    const out = join(dir, "site");
    const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/build-site.ts"), "--out", out, ...names], { cwd: ROOT });
    expect(stdout).toContain("02-dataset: unchanged since its last run, reused\n03-loss: unchanged since its last run, reused\n");
    expect(stdout).toMatch(new RegExp(`site written to ${out} in [\\d.]+ s: open ${out}/index\\.html`));
    const pages = filesUnder(out).filter((f) => f.endsWith(".html"));
    expect(pages).toEqual(expect.arrayContaining(["02-dataset.html", "03-loss.html", "blog/02-dataset.html", "index.html"]));
    const broken = pages.flatMap((page) =>
      [...readFileSync(join(out, page), "utf8").matchAll(/href="([^"#:?]+)(?:[?#][^"]*)?"/g)].map((m) => m[1]!).filter((href) => !existsSync(join(out, dirname(page), href))).map((href) => `${page} → ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
