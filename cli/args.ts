/** Argument helpers the subcommands share. */
import { UsageError } from "./command.js";

/** A whole-number option within bounds, or undefined when it was not given; anything else is a usage error. */
export function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

/**
 * Lets a flag that takes several files take them all after one flag, as a shell glob gives them
 * (`--inventory exports/*.csv`): `--inventory a b` becomes `--inventory a --inventory b`.
 * Repeating the flag works too.
 */
export function spreadFlags(args: readonly string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  let spreading: string | null = null;
  for (const arg of args) {
    if (arg.startsWith("-")) {
      // `--inventory=a.csv` is the flag and its first value.
      const flag = arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
      spreading = flags.includes(flag) ? flag : null;
      if (spreading !== null && flag !== arg) out.push(flag, arg.slice(flag.length + 1));
      else out.push(arg);
      continue;
    }
    // The flag's first value follows it directly; each further one gets the flag again.
    if (spreading !== null && out[out.length - 1] !== spreading) out.push(spreading);
    out.push(arg);
  }
  return out;
}
