/**
 * `npm run course`: writes course/, an nbgrader course directory: nbgrader_config.py and
 * source/NAME/ for each notebook with exercises (NAME.ipynb with nbgrader's metadata, see
 * src/teaching/course.ts, and a copy of dist/, which the autograder restores over a
 * student's copy). Options: `--out DIR` writes elsewhere; `--seed N` draws the hidden tests'
 * cases from seed N instead of 1986. A rerun replaces only those files, as an earlier run
 * wrote them (src/io/ownedFolder.ts): nbgrader's own (the gradebook, release/, submitted/,
 * autograded/, feedback/, exports) stay, and an assignment already graded keeps its source.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { copyCore } from "../src/io/coreCopy";
import { FolderRefused, filesUnder, replaceFolder } from "../src/io/ownedFolder";
import { type Notebook } from "../src/notebook/nbformat";
import { courseNotebook } from "../src/teaching/course";
import { STUB_LINE, exerciseCount } from "../src/teaching/editions";

const root = resolve(__dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string", default: join(root, "course") }, seed: { type: "string", default: "1986" } } });
const out = resolve(values.out);
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);

/** nbgrader's feedback page, written into the config (see the template's own comment). */
const feedbackTemplate = readFileSync(join(root, "jupyter/nbgrader/feedback.html.j2"), "utf8");
if (feedbackTemplate.includes('"""')) throw new Error('jupyter/nbgrader/feedback.html.j2 must not hold """, which ends its Python string');

// nbgrader knows Python's stubs and comments; these teach it the tslab kernel's TypeScript.
const config = `# Written by \`npm run course\` (scripts/course.ts): nbgrader for the tslab kernel's TypeScript.
import warnings

from nbconvert.exporters import HTMLExporter
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import MissingEntry
from nbgrader.converters import Autograde, GenerateAssignment
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions, OverwriteCells
from sqlalchemy.exc import SAWarning
from traitlets import default

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


class OverwriteCellsAsReleased(OverwriteCells):
    """nbgrader checks a submitted test cell against the checksum it took before the release left
    out the hidden tests, so it reported every untouched test with hidden tests as changed
    (nbgrader issue #1961). A test cell as released gets its hidden tests back first: the check
    then reports only a test cell that a student changed."""

    def preprocess_cell(self, cell, resources, index):
        if utils.is_locked(cell):
            try:
                source = self.gradebook.find_source_cell(cell.metadata.nbgrader["grade_id"], self.notebook_id, self.assignment_id).source
            except MissingEntry:  # OverwriteCells says so
                return super().preprocess_cell(cell, resources, index)
            released = NotebookNode(source=source, metadata=cell.metadata)
            ClearHiddenTests(parent=self).preprocess_cell(released, resources, index)
            if released.source == cell.source:
                cell.source = source
        return super().preprocess_cell(cell, resources, index)


c.Autograde.sanitize_preprocessors = [
    OverwriteCellsAsReleased if p is OverwriteCells else p for p in Autograde.sanitize_preprocessors.default()
]

# nbgrader 0.9 makes a new submission's gradebook rows before it adds them to its database
# session (a line later; they are saved all the same), and SQLAlchemy 2.0.19 and later warn of
# each, with nbgrader's line that touched it, at a student's first autograde.
warnings.filterwarnings("ignore", r"Object of type <Submitted\\w+> not in session", SAWarning)

# tslab compiles every cell, slowly on a busy machine; nbgrader's default allows 30 s.
c.Execute.timeout = 300

# \`nbgrader zip_collect ASSIGNMENT\` collects a course site's download, put in
# downloaded/ASSIGNMENT/archive/. Canvas names each file LASTFIRST_USERID_FILEID_NAME
# (LASTFIRST_LATE_USERID_... when late): the student is their Canvas user id, the notebook NAME
# less a copy number that a re-upload or a browser adds ("-1", " (1)"). nbgrader matches each
# file's whole path.
c.FileNameCollectorPlugin.named_regexp = r".*/[^/_]+_(?:(?i:late)_)?(?P<student_id>\\d+)_\\d+_(?P<file_id>[^/]+?)(?:-\\d+| \\(\\d+\\))?\\.ipynb$"


class FeedbackExporter(HTMLExporter):
    """The feedback page in the HTML export's own template, lab-offline, which scripts/setup.sh
    installs into .venv: equations and charts drawn offline, each exercise's score by its name."""

    @default("raw_template")
    def _feedback_template(self):
        return FEEDBACK


c.GenerateFeedback.exporter_class = FeedbackExporter
# Its own section, not HTMLExporter's: the formgrader draws submissions with HTMLExporter.
c.FeedbackExporter.template_name = "lab-offline"

FEEDBACK = r"""${feedbackTemplate}"""
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
      copyCore(root, join(dir, "dist"));
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
