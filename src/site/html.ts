/** Text made safe to place inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A page's opening up to its <body>: one head for the site's pages and its slide decks, KaTeX's stylesheet then the page's own. */
export function pageHead(title: string, assets: string, stylesheet: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}katex/katex.min.css">
<link rel="stylesheet" href="${assets}${stylesheet}">
</head>`;
}
