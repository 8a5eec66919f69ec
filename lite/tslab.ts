/**
 * tslab's public display API (`import * as tslab from "tslab"`) for the browser kernel, as
 * tslab 1.0.22's `dist/public.js` defines it: `display.html(…)` and the other MIME helpers
 * send one output each; `newDisplay()` gives one whose first call creates an output with a
 * display id and whose later calls update it in place.
 */
import { type MimeBundle } from "./runtime";

/** tslab's writer for the running cell (its `jupyter.lastWriteDisplayData`), which the core's display module calls too. */
export type DisplayWriter = (message: { data: MimeBundle; metadata: Record<string, unknown>; transient: { display_id?: string } }, update: boolean) => void;

export interface Display {
  javascript(s: string): void;
  html(s: string): void;
  markdown(s: string): void;
  latex(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
  jpeg(b: Uint8Array): void;
  gif(b: Uint8Array): void;
  pdf(b: Uint8Array): void;
  text(s: string): void;
  raw(contentType: string, b: string | Uint8Array): void;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** tslab's display ids: 8 random bytes in hex. */
function newDisplayId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function display(writer: () => DisplayWriter | null, id?: string): Display {
  let update = false;
  const raw = (contentType: string, b: string | Uint8Array) => {
    const write = writer();
    if (write === null) throw new Error("Not ready");
    write({ data: { [contentType]: typeof b === "string" ? b : base64(b) }, metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update);
    if (id !== undefined) update = true;
  };
  return {
    raw,
    javascript: (s) => raw("text/javascript", s),
    html: (s) => raw("text/html", s),
    markdown: (s) => raw("text/markdown", s),
    latex: (s) => raw("text/latex", s),
    svg: (s) => raw("image/svg+xml", s),
    png: (b) => raw("image/png", b),
    jpeg: (b) => raw("image/jpeg", b),
    gif: (b) => raw("image/gif", b),
    pdf: (b) => raw("application/pdf", b),
    text: (s) => raw("text/plain", s),
  };
}

/** The module a cell gets for `import … from "tslab"`, writing through whatever writer is current. */
export function tslabModule(writer: () => DisplayWriter | null) {
  return {
    display: display(writer),
    newDisplay: () => display(writer, newDisplayId()),
    versions: { tslab: "browser kernel (tslab 1.0.22's display API)", typescript: "none: types are stripped, not checked", node: "none: a web worker" },
  };
}
