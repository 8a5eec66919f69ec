/**
 * The compiled core that notebooks outside a clone need beside them: the course's
 * assignments and a student edition written with `--out` import it as a `dist/` folder of
 * their own. Source maps, build info and the benchmark bundle are left out: the notebooks
 * never load them.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";

export function copyCore(root: string, destination: string): void {
  cpSync(join(root, "dist"), destination, { recursive: true, filter: (path) => !/\.(map|tsbuildinfo)$|bench\.js$/.test(path) });
}
