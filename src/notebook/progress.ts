import { type MimeBundle, liveDisplay } from "./display";

/**
 * The bar's class: a name of our own, since JupyterLab's ipywidgets styles paint a band of
 * their own height on anything called `progress`, which left a finished bar a third full.
 */
export const PROGRESS_CLASS = "bp-progress";

/**
 * A progress bar as HTML with a text fallback: `label  412 / 1,000`. It counts runs, not
 * seconds: a notebook's outputs speak of the network and its data, and timings belong to the
 * benchmarks.
 */
export function progressBundle(label: string, done: number, total: number): MimeBundle {
  const share = total === 0 ? 1 : done / total;
  const text = `${label}  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`;
  const html =
    `<div class="${PROGRESS_CLASS}" style="font:13px sans-serif">${text}` +
    `<div class="${PROGRESS_CLASS}-track" style="width:320px;height:8px;background:#eee;border-radius:4px;margin-top:4px">` +
    `<div class="${PROGRESS_CLASS}-fill" style="width:${(share * 100).toFixed(1)}%;height:8px;background:#2d6fb5;border-radius:4px"></div></div></div>`;
  return { "text/html": html, "text/plain": text };
}

/**
 * A progress bar that redraws in place, for `onProgress` callbacks. Redraws at most every
 * `everyMs` (and always at the end), so a fast batch does not flood the front end.
 */
export function showProgress(label: string, everyMs = 200): (done: number, total: number) => void {
  const live = liveDisplay();
  let last = -Infinity;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    live.show(progressBundle(label, done, total));
  };
}
