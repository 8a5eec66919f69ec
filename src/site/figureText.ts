/**
 * What a chart shows, in words, for readers who cannot see it: its kind, its title, its
 * axes and its series, read from the figure itself. The page gives it to the chart as its
 * aria-label, so a screen reader announces the figure and not Plotly's drawing parts.
 */
import { type Figure } from "../charts/figure";

const KINDS: Record<string, string> = { heatmap: "Heat map", bar: "Bar chart", scatter: "Chart" };

function text(value: unknown): string {
  const raw = typeof value === "string" ? value : ((value as { text?: string } | undefined)?.text ?? "");
  return raw.replace(/<br>/g, " ").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
}

function kindOf(figure: Figure): string {
  const layout = figure.layout;
  const shapes = (layout["shapes"] as { type?: string }[] | undefined) ?? [];
  if (layout["plot_bgcolor"] === "#9a9a9a" && shapes.length > 0 && shapes.every((s) => s.type === "rect")) return "Hinton diagram (white squares positive, black negative, area proportional to size)";
  const xaxis = layout["xaxis"] as { visible?: boolean } | undefined;
  if (xaxis?.visible === false) return "Network diagram (arcs coloured by the sign of their weight, labelled with its value)";
  const types = new Set(figure.data.map((t) => String(t["type"] ?? "scatter")));
  if (types.has("heatmap")) return KINDS["heatmap"]!;
  if (types.has("bar")) return KINDS["bar"]!;
  const lines = figure.data.some((t) => String(t["mode"] ?? "lines").includes("lines"));
  return lines ? "Line chart" : "Scatter plot";
}

/** One or two sentences: "Line chart: Error E after each sweep. Across: sweep. Up: E." */
export function describeFigure(figure: Figure): string {
  const layout = figure.layout;
  const parts = [`${kindOf(figure)}: ${text(layout["title"]) || "untitled"}.`];
  const across = text((layout["xaxis"] as { title?: unknown } | undefined)?.title);
  const up = text((layout["yaxis"] as { title?: unknown } | undefined)?.title);
  if (across) parts.push(`Across: ${across}.`);
  if (up) parts.push(`Up: ${up}.`);
  const names = [...new Set(figure.data.filter((t) => t["showlegend"] !== false && typeof t["name"] === "string").map((t) => t["name"] as string))];
  if (names.length > 1) parts.push(`Series: ${names.join(", ")}.`);
  if (layout["sliders"]) parts.push("A slider below it replays the run.");
  return parts.join(" ");
}
