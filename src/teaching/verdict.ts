/**
 * What a checker tells a student: whether their function agrees with the core and, when
 * not, the first case where it does not, what was expected and what came back, and a hint
 * aimed at the usual mistake. A checker never throws at the student and never shows the
 * solution's code: it returns one verdict, which a notebook cell shows as its message.
 */
export interface Verdict {
  ok: boolean;
  message: string;
}

/** A typical wrong answer: how to compute it, and the hint to give when the student's matches it. */
export interface Mistake<A extends unknown[]> {
  wrong: (...args: A) => number;
  hint: string;
}

const TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

function describe(args: readonly unknown[], names: readonly string[]): string {
  return args.map((a, k) => `${names[k]} = ${typeof a === "number" ? Number(a.toPrecision(6)) : JSON.stringify(a)}`).join(", ");
}

/** Calls the student's function, turning a throw or a non-number into a plain sentence. */
function attempt<A extends unknown[]>(student: (...args: A) => unknown, args: A): { value: number } | { problem: string } {
  let value: unknown;
  try {
    value = student(...args);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return { problem: `it threw an error ("${text}") — is the cell above still a stub?` };
  }
  if (typeof value !== "number") return { problem: `it returned ${value === undefined ? "nothing" : typeof value}, not a number — did you forget a return?` };
  if (Number.isNaN(value)) return { problem: "it returned NaN — is the cell above still a stub, or is a name misspelt?" };
  return { value };
}

/**
 * Runs `student` on every case beside `truth`. On a disagreement it reports the first case
 * that differs, with the hint of the typical mistake that gives the student's answer on
 * every case (one case alone can fit several mistakes: at y = ½, y and 1 − y agree).
 */
export function checkCases<A extends unknown[]>(
  name: string,
  argNames: readonly string[],
  student: (...args: A) => unknown,
  truth: (...args: A) => number,
  cases: readonly A[],
  mistakes: readonly Mistake<A>[],
  praise: string,
): Verdict {
  const answers: number[] = [];
  for (const args of cases) {
    const got = attempt(student, args);
    if ("problem" in got) return report(false, `✗ ${name}(${describe(args, argNames)}): ${got.problem}`);
    answers.push(got.value);
  }
  const first = cases.findIndex((args, k) => !close(answers[k]!, truth(...args)));
  if (first < 0) return report(true, `✓ ${praise} (${cases.length} cases checked)`);
  const args = cases[first]!;
  const mistake = mistakes.find((m) => cases.every((a, k) => close(answers[k]!, m.wrong(...a))));
  const hint = mistake?.hint ?? "work this case by hand from the equations above and compare step by step.";
  const shown = (x: number) => Number(x.toPrecision(6));
  return report(false, `✗ ${name}(${describe(args, argNames)}) returned ${shown(answers[first]!)}, expected ${shown(truth(...args))}.\n  Hint: ${hint}`);
}

/** A verdict that a notebook shows as its message alone (tslab prints a cell's value with util.inspect). */
export function report(ok: boolean, message: string): Verdict {
  return Object.defineProperty({ ok, message }, Symbol.for("nodejs.util.inspect.custom"), { value: () => message });
}
