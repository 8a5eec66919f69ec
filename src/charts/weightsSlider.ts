import { type Snapshot } from "../core/train";
import { type Figure } from "./figure";
import { FONT, signColor } from "./style";

export interface WeightsSliderOptions {
  title?: string;
  layer?: number;
  unitNames?: string[];
  inputNames?: string[];
}

/** Units are told apart by fill (the first solid, the next hatched), so that colour keeps meaning the sign. */
const UNIT_FILLS = ["", "/", "x", "."];

/**
 * One layer's weights as bars, one group per input and one bar per unit (coloured by
 * sign, the first unit's solid and the second's hatched), with a slider
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
  const colours = (rows: number[][]) => rows.map((row) => row.map(signColor));
  const traces = [...Array(m).keys()];
  return {
    data: traces.map((j) => ({
      type: "bar",
      name: `into ${unitNames[j]} (${j === 0 ? "solid" : UNIT_FILLS[j] === "/" ? "hatched" : "patterned"})`,
      x,
      y: finalHeights[j],
      marker: { color: colours(finalHeights)[j], line: { color: "#222", width: 1 }, pattern: { shape: UNIT_FILLS[j % UNIT_FILLS.length], fgcolor: "#fff", size: 6, solidity: 0.3 } },
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
          steps: snapshots.map((s) => ({ label: String(s.sweep), method: "restyle", args: [{ y: heights(s), "marker.color": colours(heights(s)) }, traces] })),
        },
      ],
    },
  };
}
