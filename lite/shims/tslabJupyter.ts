/** tslab's `dist/jupyter` module as the core reads it (src/notebook/display.ts): the running cell's display writer, set by the kernel worker. */
import { type DisplayWriter } from "../tslab";

export let lastWriteDisplayData: DisplayWriter | null = null;

export function setDisplayWriter(writer: DisplayWriter): void {
  lastWriteDisplayData = writer;
}
