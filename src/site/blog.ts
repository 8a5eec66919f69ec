/**
 * The blog variant's own text. A notebook talks to someone running it ("the cell below",
 * "run the notebook again", a progress bar, an exercise to fill in); a blog post has no
 * cells. Two markers in a notebook's markdown, invisible in Jupyter, choose the words:
 *
 * - `<!--notebook-only-->…<!--/notebook-only-->`: for the notebook and the full page only;
 * - `<!--blog: …-->`: the words a blog reader gets in its place.
 *
 * Two rules need no marker: exercise prompts (a cell opening with "## Your turn" or
 * "### Exercise") and progress bars are left out of the blog.
 */
import { joined, type Cell, type Output } from "../notebook/nbformat";
import { PROGRESS_CLASS } from "../notebook/progress";

const NOTEBOOK_ONLY = /<!--notebook-only-->[\s\S]*?<!--\/notebook-only-->/g;
const BLOG_ONLY = /<!--blog:\s?([\s\S]*?)-->/g;

/** A markdown cell's source as the given variant shows it (the full page keeps the notebook's words). */
export function markdownFor(source: string, variant: "full" | "blog"): string {
  if (variant === "full") return source;
  return source.replace(NOTEBOOK_ONLY, "").replace(BLOG_ONLY, "$1");
}

/** An exercise's prompt: it asks the reader to write code, which a blog reader cannot. */
export function isExercisePrompt(cell: Cell): boolean {
  return cell.cell_type === "markdown" && /^\s*(##\s+Your turn|###\s+Exercise)\b/.test(joined(cell.source));
}

/** A progress bar (src/notebook/progress.ts): meaningful while a cell runs, frozen on a page. */
export function isProgress(output: Output): boolean {
  const html = output.data?.["text/html"];
  return html !== undefined && joined(html as string | string[]).includes(`class="${PROGRESS_CLASS}"`);
}
