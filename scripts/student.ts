/**
 * `npm run student`: writes student-edition/ (solutions replaced by stubs) and
 * solutions-edition/ (the answers, markers removed) from notebooks/. Both sit beside
 * notebooks/, so their `../dist/index` imports resolve the same way.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Notebook } from "../src/notebook/nbformat";
import { exerciseCount, solutionsEdition, studentEdition } from "../src/teaching/editions";

const root = resolve(__dirname, "..");
const editions = { "student-edition": studentEdition, "solutions-edition": solutionsEdition };
for (const dir of Object.keys(editions)) {
  rmSync(join(root, dir), { recursive: true, force: true });
  mkdirSync(join(root, dir));
}
let exercises = 0;
for (const name of readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort()) {
  const notebook = JSON.parse(readFileSync(join(root, "notebooks", name), "utf8")) as Notebook;
  exercises += exerciseCount(notebook);
  for (const [dir, make] of Object.entries(editions)) writeFileSync(join(root, dir, name), `${JSON.stringify(make(notebook), null, 1)}\n`);
}
console.log(`wrote student-edition/ and solutions-edition/: ${exercises} exercises`);
