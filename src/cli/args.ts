import { parseArgs } from "node:util";
import { InputError } from "../io/networkJson";

/** What a command was given: its flags' values, and whether it asked for help. */
export interface Flags {
  values: Map<string, string>;
  help: boolean;
}

/**
 * `--name value` or `--name=value` after the command word, each flag taking a value, plus
 * `--help`; anything else is named in one line. node:util's parseArgs reads the words; it runs
 * unstrict, because strict mode refuses a value with a leading minus (`--lr -1`), which must
 * reach the range check, and the checks below name each fault in our own words.
 */
export function parseFlags(argv: readonly string[], allowed: readonly string[]): Flags {
  const expected = allowed.map((a) => `--${a}`).join(", ") || "no options";
  const options = Object.fromEntries([...allowed.map((a) => [a, { type: "string" as const }]), ["help", { type: "boolean" as const }]]);
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string>();
  let help = false;
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") throw new InputError(`stray argument ${JSON.stringify(token.value)}: every value follows its option (${expected})`);
    if (token.name === "help") {
      if (token.value !== undefined) throw new InputError("--help takes no value");
      help = true;
    } else if (!allowed.includes(token.name)) throw new InputError(`unknown option ${JSON.stringify(token.rawName)}; expected ${expected}`);
    else if (token.value === undefined) throw new InputError(`${token.rawName} needs a value`);
    else if (values.has(token.name)) throw new InputError(`--${token.name} is given twice`);
    else values.set(token.name, token.value);
  }
  return { values, help };
}

/** A number flag within [min, max]; `integer` demands a whole number. */
export function numberFlag(flags: Map<string, string>, name: string, min: number, max: number, integer = false): number {
  const text = flags.get(name);
  if (text === undefined) throw new InputError(`--${name} is required`);
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new InputError(`--${name} must be a finite number, got ${JSON.stringify(text)}`);
  if (integer && !Number.isInteger(value)) throw new InputError(`--${name} must be a whole number, got ${text}`);
  if (value < min || value > max) {
    const range = max === Number.MAX_VALUE ? `at least ${min}` : `from ${min} to ${max}`;
    throw new InputError(`--${name} must be ${range}, got ${text}`);
  }
  return value;
}
