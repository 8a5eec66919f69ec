import { type Snapshot } from "../core/train";
import { type Figure } from "./figure";
import { FONT, NEGATIVE, POSITIVE } from "./style";

export interface WeightsSliderOptions {
  title?: string;
  layer?: number;
  unitNames?: string[];
  inputNames?: string[];
}

const UNIT_COLORS = [POSITIVE, NEGATIVE, "#1b9e77", "#7b3294"];

/**
 * One layer's weights as bars, one group per input and one bar per unit, with a slider
 * over the snapshots: dragging it replays the run (each step restyles the bars' heights,
 * so the saved figure stays plain data that every Plotly front end draws). Starts at the
 * last snapshot.
 */
export function weightsSlider(snapshots: readonly Snapshot[], options: WeightsSliderOptions = {}): Figure {
  const { title = "Weights at a chosen sweep", layer = 0 } = options;
  const last = snapshots.at(-1)?.network.layers[layer];
  if (!last) throw new RangeError(`weightsSlider needs at least one snapshot with a layer ${layer}`);
  const m = last.biases.length;
  const n = last.weights[0]?.length ?? 0;
  const { unitNames = [...Array(m).keys()].map((j) => `unit ${j + 1}`), inputNames = [...Array(n).keys()].map((i) => `input ${i + 1}`) } = options;
  const x = [...inputNames, "bias"];
  const heights = (s: Snapshot) => s.network.layers[layer]!.weights.map((row, j) => [...row, s.network.layers[layer]!.biases[j]!]);
  const largest = Math.max(...snapshots.flatMap((s) => heights(s).flat().map(Math.abs)));
  const finalHeights = heights(snapshots.at(-1)!);
  const traces = [...Array(m).keys()];
  return {
    data: traces.map((j) => ({
      type: "bar",
      name: `into ${unitNames[j]}`,
      x,
      y: finalHeights[j],
      marker: { color: UNIT_COLORS[j % UNIT_COLORS.length] },
      hovertemplate: `%{x} → ${unitNames[j]}: %{y:.2f}<extra></extra>`,
    })),
    layout: {
      title: { text: title },
      font: FONT,
      barmode: "group",
      yaxis: { range: [-1.05 * largest, 1.05 * largest], title: { text: "weight" }, zeroline: true },
      height: 440,
      margin: { t: 60, b: 40 },
      sliders: [
        {
          active: snapshots.length - 1,
          currentvalue: { prefix: "sweep " },
          pad: { t: 40 },
          steps: snapshots.map((s) => ({ label: String(s.sweep), method: "restyle", args: [{ y: heights(s) }, traces] })),
        },
      ],
    },
  };
}
