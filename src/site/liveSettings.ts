/**
 * The settings of the training page's live figure: ε, α, the seed of the initial
 * weights and the number of sweeps, each with the range its slider offers, and their
 * place in the page's URL (`#eps=0.1&alpha=0.9&seed=588&sweeps=1425`) so that a reader can
 * share a run. Pure: the page builder and the browser app both use it.
 */
import { MAX_SWEEPS, MAX_ε } from "../notebook/settings";
import { PAPER_SYMMETRY_SETTINGS } from "../tasks/symmetry";

export interface LiveSettings {
  ε: number;
  α: number;
  seed: number;
  sweeps: number;
}

/** A slider for one setting of `S` (the live figure's by default; the live study has its own). */
export interface Slider<S = LiveSettings> {
  key: keyof S;
  /** The name in the URL: ASCII, so a shared link survives any mail client. */
  param: string;
  label: string;
  min: number;
  max: number;
  step: number;
}

export const SLIDERS: readonly Slider[] = [
  { key: "ε", param: "eps", label: "learning rate ε", min: 0.01, max: MAX_ε, step: 0.01 },
  { key: "α", param: "alpha", label: "momentum α", min: 0, max: 0.99, step: 0.01 },
  { key: "seed", param: "seed", label: "seed of the initial weights", min: 0, max: 999, step: 1 },
  { key: "sweeps", param: "sweeps", label: "sweeps to train", min: 25, max: MAX_SWEEPS, step: 25 },
];

/** The paper's ε, α and sweeps, and the seed whose run the notebooks follow. */
export const DEFAULT_SETTINGS: LiveSettings = PAPER_SYMMETRY_SETTINGS;

/** A value moved onto its slider: inside the range, on a step. */
export function onSlider<S>(slider: Slider<S>, value: number): number {
  const clamped = Math.min(slider.max, Math.max(slider.min, value));
  const steps = Math.round((clamped - slider.min) / slider.step);
  return Number((slider.min + steps * slider.step).toFixed(6));
}

/** Settings from a URL hash; a missing or unreadable value keeps its default, one out of range is moved onto its slider. */
export function readHash<S extends Record<keyof S, number>>(hash: string, sliders: readonly Slider<S>[], defaults: S): S {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const settings = { ...defaults };
  for (const slider of sliders) {
    const text = params.get(slider.param);
    const value = text === null || text.trim() === "" ? NaN : Number(text);
    if (Number.isFinite(value)) settings[slider.key] = onSlider(slider, value) as S[keyof S];
  }
  return settings;
}

/** The URL hash that restores these settings. */
export function writeHash<S extends Record<keyof S, number>>(settings: S, sliders: readonly Slider<S>[]): string {
  return "#" + sliders.map((s) => `${s.param}=${settings[s.key]}`).join("&");
}

export const settingsFromHash = (hash: string): LiveSettings => readHash(hash, SLIDERS, DEFAULT_SETTINGS);
export const hashOf = (settings: LiveSettings): string => writeHash(settings, SLIDERS);
