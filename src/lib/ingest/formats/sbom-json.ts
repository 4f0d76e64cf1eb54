/** Helpers shared by the SBOM readers: reading JSON values, crediting Kaspersky, and finding the line of each element. */
import type { DeviceObservation, RowOutcome } from "../types.js";

type Json = Record<string, unknown>;

export function nameOf(entity: unknown): unknown {
  return isObject(entity) ? entity["name"] : undefined;
}

export function firstAuthor(authors: unknown): string | undefined {
  return Array.isArray(authors) ? authors.map((a) => text(nameOf(a))).find((a) => a !== undefined) : undefined;
}

// ——— Shared by the SBOM readers (CycloneDX and SPDX). ———

const MENTIONS_KASPERSKY = /kaspersky|касперск/iu;
/** Description text that credits Kaspersky as the maker, not one that merely names it. */
const CREDITS_KASPERSKY = [
  /\b(?:powered by|based on|licensed from|built on|derived from|developed by|made by|provided by|supplied by|OEM version of|embeds?|includes?|uses|using)\s+(?:the\s+)?(?:AO\s+|JSC\s+)?kaspersky/iu,
  /\bkaspersky\s+lab\b|\bAO\s+kaspersky\b|лаборатори\p{L}*\s+касперского/iu,
  /\bkaspersky\b[^.;\n]{0,40}\b(?:engine|SDK|anti-?virus|anti-?malware|scan(?:ner|ning)?|signatures?|databases?)\b/iu,
];
const NOT_A_CREDIT = /\b(?:compatible with|alternative to|replac\w*|migrat\w* (?:away )?from|instead of|unlike|competitor|comparable to|such as)\b[^.;\n]{0,30}kaspersky/iu;

/**
 * The publisher to match on. The declared one (supplier, originator…) when it names Kaspersky or
 * nothing else does; otherwise the clause of the copyright, or of a description, that credits
 * Kaspersky, so that the catalog's publisher catch-all sees a white-labelled engine. A mere
 * mention ("compatible with Kaspersky signatures") is not a credit.
 */
export function creditedPublisher(declared: string | undefined, copyright: string | undefined, ...descriptions: (string | undefined)[]): string | undefined {
  if (declared && MENTIONS_KASPERSKY.test(declared)) return declared;
  const fromCopyright = copyright ? kasperskyClause(copyright) : undefined;
  if (fromCopyright) return fromCopyright;
  for (const description of descriptions) {
    if (!description || NOT_A_CREDIT.test(description) || !CREDITS_KASPERSKY.some((r) => r.test(description))) continue;
    const clause = kasperskyClause(description);
    if (clause) return clause;
  }
  return declared;
}

/** The first sentence or clause of a text that names Kaspersky, at most 200 characters. */
export function kasperskyClause(value: string): string | undefined {
  const clause = value.split(/(?<=[.;!?])\s+|\n/u).find((part) => MENTIONS_KASPERSKY.test(part));
  return clause?.trim().slice(0, 200);
}

/** `group:artifact` coordinates, as package-manager rules in the catalog expect them. */
export function coordinates(name: string, group?: string): string | undefined {
  if (group) return `${group}:${name}`;
  return /^[\w.\-]+:[\w.\-]+$/u.test(name) ? name : undefined;
}

/** A non-empty trimmed string, or undefined; SPDX's NOASSERTION and NONE count as nothing. */
export function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed !== "NOASSERTION" && trimmed !== "NONE" ? trimmed : undefined;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Tells the document's device once, on the row that describes it (`preferred`) when that row was
 * accepted, otherwise on the first accepted row.
 */
export function withDevice(outcomes: RowOutcome[], device: Omit<DeviceObservation, "origin">, file: string, preferred: number): RowOutcome[] {
  const chosen = outcomes[preferred]?.kind === "accepted" ? preferred : outcomes.findIndex((o) => o.kind === "accepted");
  return outcomes.map((outcome, i) => (i === chosen && outcome.kind === "accepted" ? { ...outcome, devices: [...outcome.devices, { ...device, origin: { file, line: outcome.line } }] } : outcome));
}

/** The line a row is reported at: its `"name"` member, or where it starts when it has none. */
export function rowLine(places: ReadonlyMap<string, number>, pointer: string): number {
  return places.get(`${pointer}/name`) ?? places.get(pointer) ?? 1;
}

/** A JSON pointer segment (RFC 6901). */
export function segment(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replaceAll("~", "~0").replaceAll("/", "~1") : key;
}

const VALUE_END = new Set([",", "]", "}", " ", "\t", "\r", "\n"]);

/** Whether the character at `at` is escaped: preceded by an odd number of backslashes. */
export function escapedAt(source: string, at: number): boolean {
  let backslashes = 0;
  while (source[at - 1 - backslashes] === "\\") backslashes++;
  return backslashes % 2 === 1;
}

/** An open object or array while scanning, and the member or element being read in it. */
interface Frame {
  pointer: string;
  object: boolean;
  index: number;
  key: string;
}

/**
 * Where values start in a JSON text, by JSON pointer (`/components/2/pedigree/ancestors/0`):
 * every element of an array, and the object members named in `keys` (at the line of their key).
 * The text must be valid JSON; it has been parsed already.
 */
export function jsonPlaces(source: string, keys: ReadonlySet<string>): Map<string, number> {
  const places = new Map<string, number>();
  const stack: Frame[] = [];
  let i = 0;
  let line = 1;
  const space = () => {
    for (; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break;
    }
  };
  const string = (): string => {
    const start = i;
    let end = source.indexOf("\"", start + 1);
    while (end > 0 && escapedAt(source, end)) end = source.indexOf("\"", end + 1);
    i = end < 0 ? source.length : end + 1;
    const raw = source.slice(start, i);
    return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  /** Moves to the next member or element of `frame`, noting the line of a listed key. */
  const next = (frame: Frame): void => {
    space();
    if (!frame.object) {
      frame.index++;
      return;
    }
    const keyLine = line;
    frame.key = string();
    space();
    i++; // the colon
    if (keys.has(frame.key)) places.set(`${frame.pointer}/${segment(frame.key)}`, keyLine);
  };
  /** The pointer of the value about to be read. */
  const here = (): string => {
    const top = stack.at(-1);
    return !top ? "" : top.object ? `${top.pointer}/${segment(top.key)}` : `${top.pointer}/${top.index}`;
  };
  while (i < source.length) {
    space();
    const c = source[i];
    const top = stack.at(-1);
    if (c === "{" || c === "[") {
      const pointer = here();
      if (top && !top.object) places.set(pointer, line);
      const frame = { pointer, object: c === "{", index: -1, key: "" };
      stack.push(frame);
      i++;
      space();
      if (source[i] !== "}" && source[i] !== "]") {
        next(frame);
        continue;
      }
      i++;
      stack.pop();
    } else {
      if (top && !top.object) places.set(here(), line);
      if (c === "\"") string();
      else while (i < source.length && !VALUE_END.has(source[i]!)) i++;
    }
    // After a value: close what ends here, or move on to the next member or element.
    for (;;) {
      space();
      const open = stack.at(-1);
      if (!open || i >= source.length) return places;
      if (source[i] === ",") {
        i++;
        next(open);
        break;
      }
      i++;
      stack.pop();
    }
  }
  return places;
}
