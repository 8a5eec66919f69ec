/**
 * The teaching notes as a page of the site: the README's section "Teaching a backprop class",
 * with its subsections, rendered as the notebooks' prose is. A site built without `--repo`
 * links here, so a teacher reads the notes as a page rather than as a raw README.
 */
import { renderMarkdown } from "./markdown";

export const TEACHING_HEADING = "Teaching a backprop class";

/** The section of `readme` under its level-2 heading `TEACHING_HEADING`, as HTML. */
export function teachingHtml(readme: string): string {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${TEACHING_HEADING}`);
  if (start < 0) throw new Error(`README.md has no section "## ${TEACHING_HEADING}" for the site's teaching page`);
  // The section runs to the next heading of its level or above, outside code blocks.
  let fenced = false;
  let end = lines.length;
  for (let k = start + 1; k < lines.length; k++) {
    if (lines[k]!.startsWith("```")) fenced = !fenced;
    if (!fenced && /^#{1,2} /.test(lines[k]!)) {
      end = k;
      break;
    }
  }
  return renderMarkdown(lines.slice(start, end).join("\n").replace(/^## /, "# "));
}
