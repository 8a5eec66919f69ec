/**
 * `npm run course`: writes course/, an nbgrader course directory: nbgrader_config.py and
 * source/NAME/ for each notebook with exercises (NAME.ipynb with nbgrader's metadata, see
 * src/teaching/course.ts, and a copy of dist/, which the autograder restores over a
 * student's copy). Options: `--out DIR` writes elsewhere; `--seed N` draws the hidden tests'
 * cases from seed N instead of 1986. A rerun replaces only those files, as an earlier run
 * wrote them (src/io/ownedFolder.ts): nbgrader's own (the gradebook, release/, submitted/,
 * autograded/, feedback/, exports) stay, and an assignment already graded keeps its source.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { FolderRefused, filesUnder, replaceFolder } from "../src/io/ownedFolder";
import { type Notebook } from "../src/notebook/nbformat";
import { courseNotebook } from "../src/teaching/course";
import { STUB_LINE, exerciseCount } from "../src/teaching/editions";

const root = resolve(__dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string", default: join(root, "course") }, seed: { type: "string", default: "1986" } } });
const out = resolve(values.out);
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);

// nbgrader knows Python's stubs and comments; these teach it the tslab kernel's TypeScript.
const config = `# Written by \`npm run course\` (scripts/course.ts): nbgrader for the tslab kernel's TypeScript.
from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

c = get_config()
c.CourseDirectory.course_id = "backprop"

c.ClearSolutions.begin_solution_delimeter = "// BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "// END SOLUTION"
c.ClearSolutions.code_stub = {"typescript": ${JSON.stringify(STUB_LINE)}}
c.ClearHiddenTests.begin_test_delimeter = "// BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "// END HIDDEN TESTS"


class ClearSolutionsWithStubs(ClearSolutions):
    """A region's own "// STUB " lines replace it when it has them, as in the student edition
    (exercise 6's stub is two fields of an object, where code_stub's throw cannot stand)."""

    def _replace_solution_region(self, cell, language):
        stubs = [line.strip()[len("// STUB "):] for line in cell.source.split("\\n") if line.strip().startswith("// STUB ")]
        if not stubs:
            return super()._replace_solution_region(cell, language)
        default = self.code_stub
        self.code_stub = {**default, language: "\\n".join(stubs)}
        try:
            return super()._replace_solution_region(cell, language)
        finally:
            self.code_stub = default


c.GenerateAssignment.preprocessors = [
    ClearSolutionsWithStubs if p is ClearSolutions else p for p in GenerateAssignment.preprocessors.default()
]

# tslab compiles every cell, slowly on a busy machine; nbgrader's default allows 30 s.
c.Execute.timeout = 300
`;

/** The students whose submission of `name` nbgrader has graded in `course`. */
const gradedIn = (course: string, name: string) =>
  existsSync(join(course, "autograded")) ? readdirSync(join(course, "autograded")).filter((student) => existsSync(join(course, "autograded", student, name))) : [];

/** Every file under `dir` with its bytes, or null when there is no `dir`. */
const contents = (dir: string) => (existsSync(dir) ? filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))] as const) : null);

const assignments: string[] = [];
try {
  replaceFolder(out, "npm run course", (fresh) => {
    mkdirSync(join(fresh, "source"));
    writeFileSync(join(fresh, "nbgrader_config.py"), config);
    for (const file of readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort()) {
      const notebook = JSON.parse(readFileSync(join(root, "notebooks", file), "utf8")) as Notebook;
      if (exerciseCount(notebook) === 0) continue;
      const name = file.replace(/\.ipynb$/, "");
      const dir = join(fresh, "source", name);
      mkdirSync(dir);
      writeFileSync(join(dir, file), `${JSON.stringify(courseNotebook(notebook, name, seed), null, 1)}\n`);
      cpSync(join(root, "dist"), join(dir, "dist"), { recursive: true, filter: (path) => !/\.(map|tsbuildinfo)$|bench\.js$/.test(path) });
      assignments.push(name);
      // Grades given stand for the source they were given against: a changed one (a new seed, a changed notebook or core) would regrade them.
      const graded = gradedIn(out, name);
      const before = contents(join(out, "source", name));
      if (graded.length > 0 && before !== null && !isDeepStrictEqual(before, contents(dir))) {
        throw new FolderRefused(`${out}: source/${name} would change, and autograded/ holds ${graded.length} graded submission${graded.length > 1 ? "s" : ""} of ${name}; nothing was written (a new class goes in a new folder: --out DIR)`);
      }
    }
  });
} catch (err) {
  console.error(`npm run course: ${(err as Error).message}`);
  process.exit(err instanceof FolderRefused ? 2 : 1);
}
console.log(`wrote ${out}: nbgrader_config.py and source/ with assignments ${assignments.join(", ")}`);
