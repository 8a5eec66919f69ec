/**
 * A code cell's outputs as HTML. Each output shows its richest representation that a
 * static page can carry: a Plotly chart becomes a placeholder with its figure beside it as
 * JSON (drawn by the page script), the claims a cell shows for the prose go with the code.
 */
import { CLAIMS_MIME } from "../notebook/claims";
import { LAYOUT_MIME, PLOTLY_MIME } from "../notebook/display";
import { escapeHtml } from "./html";
import { describeFigure } from "./figureText";
import { type Figure } from "../charts/figure";
import { type Output, joined } from "../notebook/nbformat";

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** A chart placeholder, named in words for screen readers: the page script draws the figure in the JSON that follows it. */
export function chartHtml(figure: unknown): string {
  return `<div class="chart" role="figure" aria-label="${escapeHtml(describeFigure(figure as Figure))}"></div><script type="application/json" class="figure">${scriptJson(figure)}</script>`;
}

function dataHtml(data: Record<string, unknown>): string {
  if (data[LAYOUT_MIME] !== undefined) return "";
  if (data[PLOTLY_MIME] !== undefined) return chartHtml(data[PLOTLY_MIME]);
  if (data[CLAIMS_MIME] !== undefined) return `<pre class="claims">${escapeHtml(joined(data["text/plain"] as string | string[]))}</pre>`;
  if (data["text/html"] !== undefined) return `<div class="html-output">${joined(data["text/html"] as string | string[])}</div>`;
  if (data["image/svg+xml"] !== undefined) return `<div class="image-output">${joined(data["image/svg+xml"] as string | string[])}</div>`;
  if (data["image/png"] !== undefined) return `<img class="image-output" alt="" src="data:image/png;base64,${joined(data["image/png"] as string | string[]).trim()}">`;
  if (data["text/plain"] !== undefined) return `<pre class="text-output">${escapeHtml(joined(data["text/plain"] as string | string[]))}</pre>`;
  return "";
}

/** MIME types that stand on their own without the code that made them: charts, tables, pictures. */
const RICH = [PLOTLY_MIME, "text/html", "image/svg+xml", "image/png"];

/** Whether an output means something to a reader who never sees the code (the blog variant keeps only these); claims go with the code. */
export function isRich(output: Output): boolean {
  return output.data !== undefined && output.data[CLAIMS_MIME] === undefined && output.data[LAYOUT_MIME] === undefined && RICH.some((mime) => output.data![mime] !== undefined);
}

/** One output as HTML (errors never reach here: the build stops at the first). */
export function outputHtml(output: Output): string {
  if (output.output_type === "stream") return `<pre class="stream ${output.name ?? "stdout"}">${escapeHtml(joined(output.text))}</pre>`;
  return output.data ? dataHtml(output.data) : "";
}
