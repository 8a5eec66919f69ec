import { layerNetInputs } from "../core/forward";
import { type Network } from "../core/network";
import { type BackwardTrace } from "../core/oneCase";
import { type Figure } from "./figure";
import { FONT, formatWeight, INK, MUTED, signColor } from "./style";

export interface NetworkDiagramOptions {
  title?: string;
  /** Names of the units, layer by layer from the inputs: `unitNames[0]` names the inputs. */
  unitNames?: string[][];
  decimals?: number;
  /** What the arcs' and the units' numbers are, for hover: a weight `w` and a `bias` unless said otherwise. */
  arcName?: string;
  unitValueName?: string;
  /** Lines written beside each unit, layer by layer from the inputs (`<br>` between lines). */
  unitNotes?: string[][];
}

/** Where a unit is drawn: layers stacked upwards from the inputs, each centred. */
export function unitPosition(width: number, units: number, l: number, j: number): { x: number; y: number } {
  // The widest layer sits one apart; narrower ones spread over the same width, clear of its edges.
  const spacing = units === width ? 1 : (width - 1) / units;
  return { x: (width - 1) / 2 + (j - (units - 1) / 2) * spacing, y: l };
}

/**
 * How far along an arc from its lower unit its label sits: near the bottom, where arcs fan
 * out, and at a different height for each unit above, so neighbouring labels never share a row.
 */
function labelAt(j: number, units: number): number {
  return units === 1 ? 0.5 : 0.2 + (0.28 * j) / (units - 1);
}

/** An arc's colour: its value's sign, and grey for exactly 0 (a derivative that no input carried), which has none. */
function arcColor(w: number): string {
  return w === 0 ? MUTED : signColor(w);
}

/**
 * A layered network drawn in the manner of the paper's Figure 1 (which stacks its inputs in a
 * column; here they run along the bottom): each arc coloured by the sign of its weight (grey
 * where it is 0) and as thick as its size, its value written on it,
 * and each unit's bias written inside the unit. Hover names every weight.
 */
export function networkDiagram(network: Network, options: NetworkDiagramOptions = {}): Figure {
  const sizes = [network.layers[0]?.weights[0]?.length ?? 0, ...network.layers.map((layer) => layer.biases.length)];
  const width = Math.max(...sizes);
  const { title = "", decimals = 1, arcName = "w", unitValueName = "bias", unitNotes, unitNames = sizes.map((m, l) => [...Array(m).keys()].map((j) => (l === 0 ? `input ${j + 1}` : `unit ${l}.${j + 1}`))) } = options;
  const largest = Math.max(...network.layers.flatMap((layer) => layer.weights.flat().map(Math.abs)), Number.MIN_VALUE);
  const arcs: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const labels = { x: [] as number[], y: [] as number[], text: [] as string[] };
  network.layers.forEach((layer, l) => {
    const below = sizes[l]!;
    const here = sizes[l + 1]!;
    layer.weights.forEach((row, j) =>
      row.forEach((w, i) => {
        if (layer.connected?.[j]?.[i] === false) return;
        const from = unitPosition(width, below, l, i);
        const to = unitPosition(width, here, l + 1, j);
        arcs.push({
          type: "scatter",
          mode: "lines",
          x: [from.x, to.x],
          y: [from.y, to.y],
          line: { color: arcColor(w), width: 0.75 + 5 * Math.abs(w) / largest },
          hoverinfo: "skip",
          showlegend: false,
        });
        const at = labelAt(j, here);
        const x = from.x + at * (to.x - from.x);
        const y = from.y + at * (to.y - from.y);
        annotations.push({ x, y, text: formatWeight(w, decimals), showarrow: false, bgcolor: "rgba(255,255,255,0.85)", font: { size: 12, color: arcColor(w) } });
        labels.x.push(x);
        labels.y.push(y);
        labels.text.push(`${arcName} from ${unitNames[l]![i]} to ${unitNames[l + 1]![j]} = ${formatWeight(w, Math.max(3, decimals + 2))}`);
      }),
    );
  });
  const units = { x: [] as number[], y: [] as number[], text: [] as string[], hover: [] as string[] };
  sizes.forEach((m, l) => {
    for (let j = 0; j < m; j++) {
      const { x, y } = unitPosition(width, m, l, j);
      const name = unitNames[l]![j]!;
      const b = l === 0 ? null : network.layers[l - 1]!.biases[j]!;
      units.x.push(x);
      units.y.push(y);
      units.text.push(b === null ? name : formatWeight(b, decimals));
      units.hover.push(b === null ? name : `${name}: ${unitValueName} ${formatWeight(b, Math.max(3, decimals + 2))}`);
      const note = unitNotes?.[l]?.[j];
      // Beside a unit, clear of its arcs: under an input, to the right of any unit above.
      if (note) annotations.push({ x, y, text: note, showarrow: false, align: "left", font: { size: 11, color: INK }, ...(l === 0 ? { yshift: -34 } : { xanchor: "left", xshift: 26 }) });
    }
  });
  return {
    data: [
      ...arcs,
      { type: "scatter", mode: "markers", x: labels.x, y: labels.y, text: labels.text, hoverinfo: "text", marker: { size: 18, opacity: 0 }, showlegend: false },
      {
        type: "scatter",
        mode: "markers+text",
        x: units.x,
        y: units.y,
        text: units.text,
        hovertext: units.hover,
        hoverinfo: "text",
        textfont: { size: 12 },
        marker: { size: 46, color: "white", line: { color: "#222", width: 1.5 } },
        showlegend: false,
      },
    ],
    layout: {
      title: { text: title },
      font: FONT,
      annotations,
      xaxis: { visible: false, range: [-0.6, width - 0.4] },
      yaxis: { visible: false, range: [-0.35, sizes.length - 0.65] },
      plot_bgcolor: "white",
      height: 160 + 200 * (sizes.length - 1),
      margin: { t: 50, l: 10, r: 10, b: 10 },
      hovermode: "closest",
    },
  };
}

/**
 * One case's backward pass in one picture: the network of `networkDiagram` with each arc's
 * one case's ∂E_c/∂w written on it (coloured by its sign, grey where 0, as thick as its size) and each
 * unit's ∂E_c/∂x inside it (which is also its bias's ∂E_c/∂b), its total input x and output y beside it;
 * an input shows its y, the bit.
 */
export function backwardDiagram(network: Network, trace: BackwardTrace, options: Omit<NetworkDiagramOptions, "arcName" | "unitValueName" | "unitNotes"> = {}): Figure {
  const { decimals = 3 } = options;
  const f = (v: number) => formatWeight(v, decimals);
  const names = options.unitNames;
  const notes = trace.y.map((ys, l) =>
    l === 0
      ? ys.map((y) => `y = ${formatWeight(y, Number.isInteger(y) ? 0 : decimals)}`)
      : layerNetInputs(network.layers[l - 1]!, trace.y[l - 1]!).map((x, j) => `${names ? `${names[l]![j]}: ` : ""}x = ${f(x)}<br>y = ${f(ys[j]!)}`),
  );
  return networkDiagram(trace.dEdw, { ...options, decimals, arcName: "∂E_c/∂w", unitValueName: "∂E_c/∂x", unitNotes: notes });
}
