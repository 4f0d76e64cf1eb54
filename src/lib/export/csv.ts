import { csvFormatRows } from "d3";

/** Characters a spreadsheet may skip before a formula: spaces, invisible marks (zero-width, bidi, BOM) and control characters. */
const INVISIBLE = /^[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]*/u;
/** What starts a formula: = + - @, their fullwidth and small forms (which spreadsheets may fold to them), a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212]/u;

/**
 * A value made safe for spreadsheets: text that starts a formula (= + - @, their fullwidth and
 * small forms, a tab or a carriage return), even behind invisible characters, would be read by
 * Excel or LibreOffice as a formula, so it gets a leading apostrophe (which they show as text
 * and hide). Numbers stay numbers.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  return FORMULA_START.test(text.replace(INVISIBLE, "")) || /^[\t\r]/.test(text) ? `'${text}` : text;
}

/** Rows as CSV (RFC 4180 quoting by d3-dsv), every cell neutralised, with a header row. */
export function toCsv<T extends Record<string, unknown>>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return `${csvFormatRows([columns as string[], ...rows.map((r) => columns.map((c) => neutralise(r[c])))])}\n`;
}
