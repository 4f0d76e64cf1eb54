import { FormatError } from "./formats/format.js";

/** Header text compared loosely: case, spaces, underscores, punctuation and a trailing SQL `0` ignored. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, "")
    .replace(/0$/, "");
}

/** Finds columns by any of their names (in any language); remembers which header matched. */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly headers: readonly string[]) {
    headers.forEach((h, i) => {
      const key = normaliseHeader(h);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  /** Index of the first header matching one of `names`, or -1. */
  find(...names: string[]): number {
    for (const name of names) {
      const i = this.index.get(normaliseHeader(name));
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** Like find, but throws a FormatError naming the column when it is absent. */
  require(label: string, ...names: string[]): number {
    const i = this.find(label, ...names);
    if (i < 0) throw new FormatError(`missing column "${label}"${names.length ? ` (or ${names.map((n) => `"${n}"`).join(", ")})` : ""}; the headers are: ${this.headers.join(", ")}`);
    return i;
  }

  /** How many of `names` are present: a detection score helper. */
  share(names: readonly string[]): number {
    return names.filter((n) => this.index.has(normaliseHeader(n))).length / names.length;
  }

  name(i: number): string {
    return this.headers[i] ?? `column ${i + 1}`;
  }
}

/** The trimmed field at `i`, or undefined when absent or empty. */
export function field(fields: readonly string[], i: number): string | undefined {
  if (i < 0) return undefined;
  const value = fields[i]?.trim();
  return value ? value : undefined;
}
