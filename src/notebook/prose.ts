/**
 * The prose of a notebook's markdown as a reader reads it: without HTML comments (claim marks,
 * the blog's variants), code, equations and link addresses, which are not words to read.
 */
export function proseText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/```[\s\S]*?```|`[^`\n]*`/g, " ")
    .replace(/\$\$[\s\S]+?\$\$|\$(?!\s)(?:\\.|[^\\$\n])+?\$/g, " ")
    .replace(/\]\([^)]*\)/g, "]");
}

/** How many words of prose a markdown text holds (see `proseText`): a token with a letter or a digit in it. */
export function proseWords(markdown: string): number {
  return proseText(markdown).split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
