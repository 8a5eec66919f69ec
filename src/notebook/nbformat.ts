/** The parts of a Jupyter notebook file (nbformat 4) that the tests and the site read. */
export interface Output {
  /** stream, display_data, execute_result or error. */
  output_type: string;
  /** A stream's name: stdout or stderr. */
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  /** nbformat 4.5's cell id. */
  id?: string;
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

export interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string } } & Record<string, unknown>;
}

/** Jupyter stores text as one string or as a list of lines. */
export function joined(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}
