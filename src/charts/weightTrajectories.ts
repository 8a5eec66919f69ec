import { type Snapshot } from "../core/train";
import { type Figure } from "./figure";
import { FONT, MUTED, PAIR_COLORS } from "./style";

export interface TrajectoryOptions {
  title?: string;
  /** Which layer's weights to follow (0: input → first hidden layer). */
  layer?: number;
  unitNames?: string[];
  inputNames?: string[];
  /** Fix the sweep axis (a live chart keeps its frame while the run fills it). */
  sweeps?: number;
}

// Mirror-image inputs (i and n − 1 − i) share a colour; the second of each pair is dashed.

/**
 * Each weight into each unit of one layer, against sweeps, from `train`'s snapshots: one
 * panel per unit, its incoming weights and its bias. In the symmetry net the mirror pairs
 * drift to equal and opposite values and their sizes settle into ratios.
 */
export function weightTrajectories(snapshots: readonly Snapshot[], options: TrajectoryOptions = {}): Figure {
  const { title = "Weights during training", layer = 0, sweeps } = options;
  const first = snapshots[0]?.network.layers[layer];
  if (!first) throw new RangeError(`weightTrajectories needs at least one snapshot with a layer ${layer}`);
  const m = first.biases.length;
  const n = first.weights[0]?.length ?? 0;
  const { unitNames = [...Array(m).keys()].map((j) => `unit ${j + 1}`), inputNames = [...Array(n).keys()].map((i) => `input ${i + 1}`) } = options;
  const x = snapshots.map((s) => s.sweep);
  const axis = (j: number) => (j === 0 ? "" : String(j + 1));
  const data: Record<string, unknown>[] = [];
  for (let j = 0; j < m; j++) {
    const series = (read: (s: Snapshot) => number) => snapshots.map(read);
    for (let i = 0; i < n; i++) {
      const pair = Math.min(i, n - 1 - i);
      data.push({
        type: "scatter",
        mode: "lines",
        x,
        y: series((s) => s.network.layers[layer]!.weights[j]![i]!),
        name: inputNames[i],
        legendgroup: inputNames[i],
        showlegend: j === 0,
        line: { color: PAIR_COLORS[pair % PAIR_COLORS.length], dash: i < n / 2 ? "solid" : "dash", width: 2 },
        xaxis: `x${axis(j)}`,
        yaxis: `y${axis(j)}`,
        hovertemplate: `${inputNames[i]} → ${unitNames[j]}<br>sweep %{x}: %{y:.2f}<extra></extra>`,
      });
    }
    data.push({
      type: "scatter",
      mode: "lines",
      x,
      y: series((s) => s.network.layers[layer]!.biases[j]!),
      name: "bias",
      legendgroup: "bias",
      showlegend: j === 0,
      line: { color: MUTED, dash: "dot", width: 2 },
      xaxis: `x${axis(j)}`,
      yaxis: `y${axis(j)}`,
      hovertemplate: `bias of ${unitNames[j]}<br>sweep %{x}: %{y:.2f}<extra></extra>`,
    });
  }
  const layout: Record<string, unknown> = { title: { text: title }, font: FONT, height: 120 + 220 * m, margin: { t: 60, r: 20 } };
  const gap = 0.08;
  const height = (1 - gap * (m - 1)) / m;
  for (let j = 0; j < m; j++) {
    const top = 1 - j * (height + gap);
    layout[`xaxis${axis(j)}`] = { anchor: `y${axis(j)}`, ...(j === m - 1 ? { title: { text: "sweep" } } : { showticklabels: false }), ...(j > 0 ? { matches: "x" } : {}), ...(sweeps === undefined ? {} : { range: [0, sweeps] }) };
    layout[`yaxis${axis(j)}`] = { domain: [top - height, top], title: { text: `into ${unitNames[j]}` }, zeroline: true };
  }
  return { data, layout };
}
