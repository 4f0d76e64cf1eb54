import { unzipSync } from "fflate";
import readXlsxFile, { type Sheet } from "read-excel-file/universal";
import type { CsvRecord } from "./csv-chunks.js";

/**
 * Excel workbooks (.xlsx) read the same way in the CLI and in the browser's worker: the whole
 * file is handed over as bytes, one sheet is picked, its header row found, and every cell comes
 * back as text so the table formats read it like a CSV.
 */

/** The sheet a Kaspersky Security Center report keeps its rows on. */
export const KSC_DETAILS_SHEET = "Details";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: a legacy .xls, or an .xlsx that was encrypted with a password. */
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** One sheet of a workbook, read as text. */
export interface WorkbookTable {
  /** The sheet's name. */
  sheet: string;
  /** 1-based sheet row of the headers. */
  headerRow: number;
  /** The header cells, trailing empty cells removed. */
  headers: string[];
  /** The rows below the headers: `rows[i]` is sheet row `headerRow + 1 + i` (blank rows kept, as empty strings). */
  rows: string[][];
}

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

/** Whether the bytes start like a zip archive (every .xlsx is one). */
export function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC);
}

/** Whether the bytes start like an OLE2 compound file: a legacy .xls or a password-protected workbook. */
export function isCompoundFile(head: Uint8Array): boolean {
  return startsWith(head, COMPOUND_FILE_MAGIC);
}

/** A number cell as read: the text the file stores, kept apart from text cells. */
interface NumberText {
  readonly number: string;
}

type RawCell = string | boolean | Date | NumberText | null;

const isNumberText = (cell: unknown): cell is NumberText => typeof cell === "object" && cell !== null && "number" in cell;

/** A date cell as `YYYY-MM-DD` at midnight UTC, else `YYYY-MM-DDTHH:MM:SSZ`, rounded to the second. */
export function isoOfDate(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  // A date no calendar can show (NaN, or past year 275760) reads as an empty cell, not a crash.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return "";
  const iso = new Date(ms).toISOString().replace(".000Z", "Z");
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
}

/** A stored number as plain text: integers exactly as stored, fractions in shortest form (`0.1`, not `0.10000000000000001`). */
export function numberText(stored: string): string {
  if (/^-?\d+$/.test(stored)) return stored;
  const n = Number(stored);
  return Number.isFinite(n) ? String(n) : stored;
}

/** Any cell as the text a CSV export would hold. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoOfDate(cell);
  if (isNumberText(cell)) return numberText(cell.number);
  return String(cell);
}

const isText = (cell: unknown): boolean => typeof cell === "string" && cell.trim() !== "";
const isEmpty = (cell: unknown): boolean => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/**
 * 0-based index of the header row: the first row with at least two non-empty text cells, which
 * skips title rows such as the one above a Security Center report's headers. A one-column sheet
 * has its first non-empty row as headers; an empty sheet gives -1.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): number {
  const texty = rows.findIndex((row) => row.filter(isText).length >= 2);
  if (texty >= 0) return texty;
  return rows.findIndex((row) => row.some((cell) => !isEmpty(cell)));
}

/** The sheet to read: Security Center's "Details" when present, else the first. */
export function pickSheet<T extends { sheet: string }>(sheets: readonly T[]): T | undefined {
  return sheets.find((s) => s.sheet.trim().toLowerCase() === KSC_DETAILS_SHEET.toLowerCase()) ?? sheets[0];
}

/** Header cells without the empty cells trailing them. */
function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === "") end--;
  return cells.slice(0, end);
}

/** The sheet's rows as text, headers found. */
export function tableOfSheet(sheet: string, data: readonly (readonly unknown[])[]): WorkbookTable {
  const header = findHeaderRow(data);
  if (header < 0) throw new Error(`the workbook's sheet "${sheet}" is empty`);
  const headers = trimTrailingEmpty(data[header]!.map(cellText));
  const rows = data.slice(header + 1).map((row) => row.map(cellText));
  return { sheet, headerRow: header + 1, headers, rows };
}

/** The bytes as an ArrayBuffer of their own (the reader takes nothing else). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  if (whole) return bytes.buffer as ArrayBuffer;
  // A copy, not bytes.slice(): on a Node Buffer, slice() is a view of the shared pool.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** A reader error as a sentence a user can act on. */
export function workbookErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "InvalidInputError" && code === "XLS_FILE_NOT_SUPPORTED") return passwordOrXls;
  if (name === "InvalidInputError" && code === "INVALID_ZIP") return "the workbook is damaged: its zip container cannot be unpacked (was the download cut short?)";
  if (name === "InvalidInputError") return "the file is not an .xlsx workbook";
  if (/not found inside/i.test(detail)) return "the file is a zip archive but not an .xlsx workbook (it has no workbook inside)";
  if (name === "InvalidSpreadsheetError") return `the workbook is damaged: ${detail}`;
  return `the workbook cannot be read: ${detail}`;
}

const passwordOrXls = "the workbook is password-protected (encrypted) or in the legacy .xls format: open it in Excel, remove the password, and save it as .xlsx";

/**
 * Reads an .xlsx workbook: the "Details" sheet if there is one (Kaspersky Security Center
 * reports), else the first sheet. Every cell comes back as text: dates as ISO
 * (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` when they have a time), numbers as plain text,
 * booleans as TRUE/FALSE. Throws an Error with a readable message when the workbook is
 * damaged, encrypted or not a workbook at all.
 */
export async function readWorkbookTables(bytes: Uint8Array): Promise<WorkbookTable> {
  if (isCompoundFile(bytes)) throw new Error(passwordOrXls);
  if (!isZip(bytes)) throw new Error("the file is not an .xlsx workbook (it does not start like a zip archive)");
  const problem = workbookProblem(bytes);
  if (problem) throw new Error(problem);
  let sheets: Sheet<NumberText>[];
  try {
    sheets = await readXlsxFile<NumberText>(ownBuffer(bytes), { parseNumber: (stored) => ({ number: stored }) });
  } catch (error) {
    throw new Error(workbookErrorMessage(error));
  }
  const chosen = pickSheet(sheets);
  if (!chosen) throw new Error("the workbook has no sheets");
  return tableOfSheet(chosen.sheet, chosen.data as unknown as RawCell[][]);
}

/** Unpacked, a workbook may hold at most this much (a 200 MB export unpacks to well under it). */
export const MAX_WORKBOOK_UNPACKED = 1024 * 1024 * 1024;
/** Rows a sheet may have: beyond what this reader holds in memory, CSV streams instead. */
export const MAX_SHEET_ROWS = 500_000;

/**
 * Why a workbook must not be unpacked, or null: what its zip declares unpacks past a gigabyte (a
 * zip bomb), or a sheet numbers a row beyond a spreadsheet's 1,048,576 or has more rows than this
 * reader holds (a one-row file claiming row 50,000,000 would make the reader allocate every
 * empty row). Checked before anything is allocated for the sheet's rows.
 */
export function workbookProblem(bytes: Uint8Array): string | null {
  let declared = 0;
  const sheets: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        declared += entry.originalSize;
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) sheets.push(entry.name);
        return false;
      },
    });
  } catch (error) {
    return `the workbook is damaged: its zip archive cannot be read (${(error as Error).message}); save it again or export it as CSV`;
  }
  if (declared > MAX_WORKBOOK_UNPACKED) return `the workbook unpacks to ${(declared / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 0 })} MB, more than the ${MAX_WORKBOOK_UNPACKED / 1024 / 1024} MB this reader unpacks; export it as CSV`;
  for (const name of sheets) {
    const xml = unzipSync(bytes, { filter: (entry) => entry.name === name })[name];
    if (!xml) continue;
    const { rows, highest } = countRows(xml);
    if (highest > 1_048_576) return `the sheet ${name.split("/").pop()} numbers a row ${highest.toLocaleString("en-US")}, beyond the 1,048,576 rows a spreadsheet holds; the file is damaged or crafted`;
    if (rows > MAX_SHEET_ROWS || highest > MAX_SHEET_ROWS) return `the sheet ${name.split("/").pop()} has ${Math.max(rows, highest).toLocaleString("en-US")} rows, more than the ${MAX_SHEET_ROWS.toLocaleString("en-US")} this reader holds in memory; export it as CSV, which is read as a stream`;
  }
  return null;
}

/** The `<row>` elements in a sheet's XML and the highest row number they declare, read from the bytes without decoding them. */
export function countRows(xml: Uint8Array): { rows: number; highest: number } {
  let rows = 0;
  let highest = 0;
  const at = (i: number, c: string) => xml[i] === c.charCodeAt(0);
  for (let i = 0; i + 4 < xml.length; i++) {
    if (!(at(i, "<") && at(i + 1, "r") && at(i + 2, "o") && at(i + 3, "w") && (xml[i + 4] === 0x20 || at(i + 4, ">") || at(i + 4, "/") || xml[i + 4] === 0x0a || xml[i + 4] === 0x09 || xml[i + 4] === 0x0d))) continue;
    rows++;
    // Within the tag: r="digits".
    for (let j = i + 4; j < xml.length && !at(j, ">"); j++) {
      if (at(j, "r") && at(j + 1, "=") && (at(j + 2, '"') || at(j + 2, "'")) && (xml[j - 1] === 0x20 || xml[j - 1] === 0x0a || xml[j - 1] === 0x09)) {
        let n = 0;
        let k = j + 3;
        while (k < xml.length && xml[k]! >= 0x30 && xml[k]! <= 0x39 && n < 1e12) n = n * 10 + (xml[k++]! - 0x30);
        highest = Math.max(highest, n);
        break;
      }
    }
  }
  return { rows, highest };
}

/** A row with nothing in it. */
const blank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === "");

/** A row cut or padded to `width` cells; cells past the headers are kept only when they hold something. */
export function fitRow(row: readonly string[], width: number): string[] {
  const fitted = row.slice(0, width);
  while (fitted.length < width) fitted.push("");
  const extra = trimTrailingEmpty(row.slice(width));
  return extra.length ? [...fitted, ...extra] : fitted;
}

/**
 * Feeds a workbook's table to the same record path a CSV takes: first the headers (on their
 * sheet row), then each non-blank row with its sheet row number as its line. Rows are padded
 * to the header width; a row with values past the last header keeps them, so the table path
 * rejects it with "expected N fields, found M".
 */
export function ingestWorkbookRows(headers: readonly string[], rows: readonly (readonly string[])[], headerRow: number, emit: (record: CsvRecord) => void): void {
  emit({ fields: [...headers], line: headerRow });
  rows.forEach((row, i) => {
    if (blank(row)) return;
    emit({ fields: fitRow(row, headers.length), line: headerRow + 1 + i });
  });
}
