/**
 * Syntax highlighting for TypeScript code cells at build time, with the TypeScript
 * compiler's own scanner: every token is classified as the compiler sees it, and the page
 * needs no highlighter of its own.
 */
import ts from "typescript";
import { escapeHtml } from "./html";

/** The CSS class of a token kind, or null for plain text (identifiers, punctuation, spaces). */
function classOf(kind: ts.SyntaxKind): string | null {
  if (kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword) return "kw";
  switch (kind) {
    case ts.SyntaxKind.SingleLineCommentTrivia:
    case ts.SyntaxKind.MultiLineCommentTrivia:
      return "cm";
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return "st";
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return "nu";
    default:
      return null;
  }
}

/** Tokens after which a slash divides; after anything else it opens a regular expression. */
const VALUE_ENDS = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.ThisKeyword,
]);

/** Code as HTML with `<span class="kw|cm|st|nu">` around keywords, comments, strings and numbers. */
export function highlightTypeScript(code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  // Brace depths at which a template literal's `${…}` closes, so its tail scans as a string.
  const templates: number[] = [];
  let depth = 0;
  let html = "";
  let last = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) depth++;
    if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (templates.at(-1) === depth) kind = scanner.reScanTemplateToken(false);
      else depth--;
    }
    if (kind === ts.SyntaxKind.TemplateHead) templates.push(depth);
    if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
    // After an operator or at the start, a slash opens a regular expression rather than dividing.
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !VALUE_ENDS.has(last)) kind = scanner.reScanSlashToken();
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia && classOf(kind) !== "cm") last = kind;
    const text = escapeHtml(scanner.getTokenText());
    const cls = classOf(kind);
    html += cls === null ? text : `<span class="${cls}">${text}</span>`;
  }
  return html;
}
