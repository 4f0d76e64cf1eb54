/** What kind of text a file holds, told from its start: a table, JSON lines, or one JSON document. */
export type Shape = "table" | "json-lines" | "json";

/** One line of JSON lines at most (an osquery batch line is rarely over a few megabytes); a longer line is rejected and skipped. */
export const MAX_JSON_LINE_CHARS = 16 * 1024 * 1024;
/** A table's first line is looked for this far before the text is taken for a table anyway. */
const LONGEST_HEADER = 64 * 1024;

/**
 * The shape of a file whose text so far is `text` (`final`: all of it), or null when more text
 * is needed to tell. JSON lines are told from one document by the whole first line, however the
 * bytes were chunked: a first line that is a whole JSON value is JSON lines, unless it is all the
 * file and `isDocument` says it is a document (a minified SBOM).
 */
export function detectShape(text: string, final: boolean, isDocument: (value: unknown) => boolean): Shape | "empty" | null {
  const start = text.replace(/^[\s\uFEFF]+/, "");
  if (!start) return final ? "empty" : null;
  if (start[0] === "{" && !final && !start.includes("\n") && start.length < MAX_JSON_LINE_CHARS) return null;
  if (start[0] === "{" || start[0] === "[") {
    const firstLine = start.split("\n", 1)[0]!.trim();
    const first = start[0] === "{" ? parseOrNull(firstLine) : null;
    const whole = first !== null && start.slice(firstLine.length).trim() === "" && isDocument(first);
    return first !== null && !whole ? "json-lines" : "json";
  }
  if (text.indexOf("\n") < 0 && !final && text.length < LONGEST_HEADER) return null;
  return "table";
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
