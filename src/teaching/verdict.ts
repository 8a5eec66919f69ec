/**
 * What a checker tells a student: whether their function agrees with the core and, when
 * not, the first case where it does not (its arguments in brief), what was expected and
 * what came back, and a hint aimed at the usual mistake. A checker never throws at the
 * student and never shows the solution's code: it returns one verdict, which a notebook
 * cell shows as its message. A graded cell hands the verdict to `mustPass`, which throws it.
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

/** What an exercise's stub throws (the student edition's, and nbgrader's release's). */
export const STUB_MESSAGE = "Exercise: your code goes here";

const TOLERANCE = 1e-9;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

/** An argument in brief: a number to six digits, a short list of numbers in full, anything bigger by its size. */
function brief(value: unknown): string {
  if (typeof value === "number") return String(Number(value.toPrecision(6)));
  if (Array.isArray(value)) return value.length <= 6 && value.every((v) => typeof v === "number") ? `[${value.map(brief).join(", ")}]` : `[${value.length} items]`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= 40 ? json : "{…}";
}

const describe = (args: readonly unknown[], names: readonly string[]) => args.map((a, k) => `${names[k]} = ${brief(a)}`).join(", ");

/** Calls the student's function, turning a throw or a non-number into a plain sentence. */
function attempt<A extends unknown[]>(student: (...args: A) => unknown, args: A): { value: number } | { problem: string } {
  let value: unknown;
  try {
    value = student(...args);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    // A cell that fails to compile leaves its last good definition in the kernel, often the stub.
    if (text === STUB_MESSAGE) return { problem: "it still throws the stub's error — the cell above is still the stub, or your code in it did not compile (see the error under it); mend it and run that cell again." };
    return { problem: `it threw an error: ${text}` };
  }
  if (typeof value !== "number") return { problem: `it returned ${value === undefined ? "nothing" : typeof value}, not a number — did you forget a return?` };
  if (Number.isNaN(value)) return { problem: "it returned NaN — some arithmetic met undefined (an index past the end of an array?) or 0/0." };
  return { value };
}

/**
 * Runs `student` on every case beside `truth`. On a disagreement it reports the first case
 * that differs, with the hint of the typical mistake that gives the student's answer on
 * every case (one case alone can fit several mistakes: at y = ½, y and 1 − y agree). `show`
 * writes a case's arguments for the message; by default each named, in brief.
 */
export function checkCases<A extends unknown[]>(
  name: string,
  argNames: readonly string[],
  student: (...args: A) => unknown,
  truth: (...args: A) => number,
  cases: readonly A[],
  mistakes: readonly Mistake<A>[],
  praise: string,
  show: (args: A) => string = (args) => describe(args, argNames),
): Verdict {
  const answers: number[] = [];
  for (const args of cases) {
    const got = attempt(student, args);
    if ("problem" in got) return report(false, `✗ ${name}(${show(args)}): ${got.problem}`);
    answers.push(got.value);
  }
  const first = cases.findIndex((args, k) => !close(answers[k]!, truth(...args)));
  if (first < 0) return report(true, `✓ ${praise} (${cases.length} cases checked)`);
  const args = cases[first]!;
  const mistake = mistakes.find((m) => cases.every((a, k) => close(answers[k]!, m.wrong(...a))));
  const hint = mistake?.hint ?? "work this case by hand from the equations above and compare step by step.";
  return report(false, `✗ ${name}(${show(args)}) returned ${brief(answers[first]!)}, expected ${brief(truth(...args))}.\n  Hint: ${hint}`);
}

/** A verdict that a notebook shows as its message alone (tslab prints a cell's value with util.inspect). */
export function report(ok: boolean, message: string): Verdict {
  return Object.defineProperty({ ok, message }, INSPECT, { value: () => message });
}

/**
 * For a graded test cell (nbgrader), given the check to run: its verdict when it passes;
 * otherwise the verdict is thrown, because nbgrader scores a test cell that errors as zero.
 * tslab prints the error as the verdict's message alone, so the feedback reads in the
 * checker's words. An exercise cell that did not compile defines nothing, so the check's
 * own mention of the answer fails; that, too, becomes a verdict.
 */
export function mustPass(check: () => Verdict): Verdict {
  let verdict: Verdict;
  try {
    verdict = check();
  } catch (e) {
    const missing = e instanceof Error && e.name === "ReferenceError" ? /^(\S+) is not defined$/.exec(e.message)?.[1] : undefined;
    if (missing === undefined) throw e;
    verdict = report(false, `✗ ${missing} is not defined: the cell that defines it did not compile (see the error under it), so nothing was checked.`);
  }
  if (verdict.ok) return verdict;
  throw Object.defineProperty(new Error(verdict.message), INSPECT, { value: () => verdict.message });
}
