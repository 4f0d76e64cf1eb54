import { csvFormatRows } from "d3";

/**
 * A value made safe for spreadsheets: text starting with =, +, -, @, a tab or a carriage
 * return would be read by Excel or LibreOffice as a formula, so it gets a leading apostrophe
 * (which they show as text and hide). Numbers stay numbers.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Rows as CSV (RFC 4180 quoting by d3-dsv), every cell neutralised, with a header row. */
export function toCsv<T extends Record<string, unknown>>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return `${csvFormatRows([columns as string[], ...rows.map((r) => columns.map((c) => neutralise(r[c])))])}\n`;
}
