/**
 * `npm run student`: writes student-edition/ (solutions replaced by stubs) and
 * solutions-edition/ (the answers, markers removed) from notebooks/. Both sit beside
 * notebooks/, so their `../dist/index` imports resolve the same way. `--out DIR` puts them
 * in DIR instead, with a copy of the compiled core at DIR/dist, so that DIR can be handed
 * out whole. Each folder is replaced only where an earlier run wrote it: a notebook a
 * student worked in stops the command, unchanged (src/io/ownedFolder.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { copyCore } from "../src/io/coreCopy";
import { FolderRefused, checkFolder, replaceFolder } from "../src/io/ownedFolder";
import { type Notebook } from "../src/notebook/nbformat";
import { exerciseCount, solutionsEdition, studentEdition } from "../src/teaching/editions";

const root = resolve(__dirname, "..");
const COMMAND = "npm run student";
const editions = { "student-edition": studentEdition, "solutions-edition": solutionsEdition };
try {
  const out = resolve(parseArgs({ options: { out: { type: "string", default: root } } }).values.out);
  // Outside the project the editions get a core of their own, as DIR/dist.
  const core = out === root ? [] : ["dist"];
  // Every folder is checked before any is written.
  for (const dir of [...Object.keys(editions), ...core]) checkFolder(join(out, dir), COMMAND);
  const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  const read = (name: string) => JSON.parse(readFileSync(join(root, "notebooks", name), "utf8")) as Notebook;
  for (const [dir, make] of Object.entries(editions)) {
    replaceFolder(join(out, dir), COMMAND, (fresh) => {
      for (const name of notebooks) writeFileSync(join(fresh, name), `${JSON.stringify(make(read(name)), null, 1)}\n`);
    });
  }
  for (const dir of core) replaceFolder(join(out, dir), COMMAND, (fresh) => copyCore(root, fresh));
  for (const name of notebooks) {
    const count = exerciseCount(read(name));
    console.log(`  ${name}: ${count === 0 ? "no exercises, copied" : `${count} exercise${count > 1 ? "s" : ""}, stubbed and solved`}`);
  }
  const exercises = notebooks.reduce((sum, name) => sum + exerciseCount(read(name)), 0);
  const folders = [...Object.keys(editions), ...core].map((dir) => `${dir}/`);
  console.log(`wrote ${folders.slice(0, -1).join(", ")} and ${folders.at(-1)} in ${out === root ? "the project" : out}: ${exercises} exercises`);
} catch (err) {
  console.error(`npm run student: ${(err as Error).message}`);
  process.exit(err instanceof FolderRefused ? 2 : 1);
}
