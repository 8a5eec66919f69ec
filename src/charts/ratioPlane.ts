import { normPerSeparation } from "../analysis/minimumNorm";
import { type Figure } from "./figure";
import { AMOUNT_SCALE, FONT, INK, PATTERN_COLORS } from "./style";

/**
 * A set of hidden units' pair magnitudes; each unit sits at (m₍₁₎/m₍₃₎, m₍₂₎/m₍₃₎) of its sorted
 * magnitudes, in the palette's colour for its pattern (ink for a group of mixed patterns).
 */
export interface RatioGroup {
  label: string;
  magnitudes: readonly (readonly number[])[];
  pattern?: keyof typeof PATTERN_COLORS;
}

/** Beyond this, ‖m‖/separation is drawn at the top of the scale: near-ties run off to infinity. */
const CLIP = 12;

/**
 * Every sorted pattern of pair magnitudes as a point of the plane (m₍₁₎/m₍₃₎, m₍₂₎/m₍₃₎), shaded
 * by ‖m‖/separation, the weight it spends per unit of separation (light is cheap). The
 * line m₍₁₎ + m₍₂₎ = m₍₃₎ splits binary patterns (below) from balanced ones (above); the two
 * cheapest, 1:2:4 and 2:3:4, are ringed, and the groups of learned units drawn on top.
 */
export function ratioPlane(groups: readonly RatioGroup[], { title = "Learned pair magnitudes, and what each pattern costs", steps = 120 } = {}): Figure {
  const axis = Array.from({ length: steps }, (_, k) => (k + 0.5) / steps);
  const z = axis.map((v) => axis.map((u) => (u <= v ? Math.min(CLIP, normPerSeparation([u, v, 1])) : null)));
  const place = (m: readonly number[]) => {
    const [m1, m2, m3] = [...m].sort((a, b) => a - b) as [number, number, number];
    return [m1 / m3, m2 / m3] as const;
  };
  return {
    data: [
      {
        type: "heatmap",
        x: axis,
        y: axis,
        z,
        zmin: Math.sqrt(21),
        zmax: CLIP,
        colorscale: AMOUNT_SCALE,
        colorbar: { title: { text: "‖m‖ / separation" } },
        hovertemplate: "m(1)/m(3) = %{x:.2f}, m(2)/m(3) = %{y:.2f}<br>‖m‖/separation = %{z:.2f}<extra></extra>",
      },
      {
        type: "scatter",
        mode: "markers+text",
        name: "least-norm patterns",
        x: [0.25, 0.5],
        y: [0.5, 0.75],
        text: ["1:2:4 (√21)", "2:3:4 (√29)"],
        textposition: ["top left", "middle right"],
        marker: { symbol: "circle-open", color: INK, size: 16, line: { width: 2 } },
        hoverinfo: "skip",
      },
      ...groups.map(({ label, magnitudes, pattern }) => {
        const at = magnitudes.map(place);
        return {
          type: "scatter",
          mode: "markers",
          name: label,
          x: at.map(([u]) => u),
          y: at.map(([, v]) => v),
          marker: { color: pattern ? PATTERN_COLORS[pattern] : INK, size: 5, opacity: 0.6 },
          hovertemplate: `${label}<br>m(1)/m(3) = %{x:.3f}, m(2)/m(3) = %{y:.3f}<extra></extra>`,
        };
      }),
    ],
    layout: {
      title: { text: title },
      font: FONT,
      xaxis: { title: { text: "m(1) / m(3) (smallest pair over largest)" }, range: [0, 1], constrain: "domain" },
      yaxis: { title: { text: "m(2) / m(3) (middle pair over largest)" }, range: [0, 1], scaleanchor: "x", constrain: "domain" },
      shapes: [{ type: "line", x0: 0, y0: 1, x1: 0.5, y1: 0.5, line: { color: INK, dash: "dash", width: 1 } }],
      annotations: [{ x: 0.12, y: 0.9, text: "m(1) + m(2) = m(3)", showarrow: false, font: { color: INK } }],
      legend: { orientation: "h", y: -0.15 },
      margin: { t: 50, r: 20 },
      height: 560,
    },
  };
}
