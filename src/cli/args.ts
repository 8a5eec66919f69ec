import { InputError } from "../io/networkJson";

/** `--name value` pairs after the command word; every flag takes a value. */
export function parseFlags(argv: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k += 2) {
    const flag = argv[k]!;
    const name = flag.replace(/^--/, "");
    if (!flag.startsWith("--") || !allowed.includes(name)) {
      throw new InputError(`unknown option ${JSON.stringify(flag)}; expected ${allowed.map((a) => `--${a}`).join(", ")}`);
    }
    const value = argv[k + 1];
    if (value === undefined) throw new InputError(`${flag} needs a value`);
    if (flags.has(name)) throw new InputError(`${flag} is given twice`);
    flags.set(name, value);
  }
  return flags;
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
