import { bestFormat } from "./formats/index.js";
import { FormatError, type Format } from "./formats/format.js";
import type { Shape } from "./shape.js";

const SHAPE_NAMES: Record<Shape, string> = { table: "a table", "json-lines": "JSON lines", json: "one JSON document" };
const FORMAT_KINDS: Record<Shape, string> = { table: "a table format", "json-lines": "a JSON-lines format", json: "a JSON document format" };

/**
 * The format to read a file of this shape with: the one the user named (which must read this
 * shape), else the best detected among `formats`, else a FormatError saying `none`. The one
 * choice for tables, JSON lines and JSON documents.
 */
export function chooseFormat<S extends Shape>(shape: S, formats: readonly Format[], named: string | undefined, score: (format: Extract<Format, { input: S }>) => number, none: string): Extract<Format, { input: S }> {
  if (named) {
    const format = formats.find((f) => f.id === named);
    if (!format) throw new FormatError(`unknown format "${named}"`);
    if (format.input !== shape) throw new FormatError(`the file is ${SHAPE_NAMES[shape]}, but "${format.id}" is not ${FORMAT_KINDS[shape]}`);
    return format as Extract<Format, { input: S }>;
  }
  const format = bestFormat(formats.filter((f): f is Extract<Format, { input: S }> => f.input === shape), score);
  if (!format) throw new FormatError(none);
  return format;
}
