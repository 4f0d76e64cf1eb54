import type { RowOutcome } from "../types.js";

/** What a reader is told about the file it reads. */
export interface ReaderContext {
  file: string;
  /** When "now" is, for relative dates such as "4 minutes ago" (ISO instant). */
  now: string;
  /** A declared column mapping (generic tables only): canonical field → header. */
  mapping?: Record<string, string>;
  /** The host name of the device the file describes, for files that name no host (an appliance's SBOM). */
  device?: string;
}

/** A delimited table: CSV, TSV, or a sheet of a workbook. */
export interface TableFormat {
  id: string;
  label: string;
  input: "table";
  /** How sure (0–1) that a table with these headers is this format. */
  detect(headers: readonly string[], fileName: string): number;
  /**
   * Checks the headers and returns the row mapper, or throws a FormatError naming what is missing.
   * The mapper gets the fields of one record, already split, and the line it starts on.
   */
  open(headers: readonly string[], context: ReaderContext): (fields: readonly string[], line: number) => RowOutcome;
  /**
   * For readers of one software title per row, whose device is read from the first row of its run
   * (Defender's inventory): the columns that name the device, and the columns without which a row is
   * rejected. The reader promises that a row with the header's field count and these columns filled
   * is accepted, and that a row naming the same device as the accepted row before it, as spelt, adds
   * nothing but its count unless it holds a catalog term. Such rows are counted without being split.
   */
  runs?(headers: readonly string[]): RowRuns;
}

/** See `TableFormat.runs`: column indexes (0-based). */
export interface RowRuns {
  device: number[];
  required: number[];
}

/** One JSON value per line (osquery results logs, Defender export files). */
export interface JsonLinesFormat {
  id: string;
  label: string;
  input: "json-lines";
  detect(first: unknown, fileName: string): number;
  open(context: ReaderContext): {
    /** One parsed line. */
    line(value: unknown, line: number): RowOutcome;
    /** Outcomes only known at the end (for example a differential log's final state). */
    finish(): RowOutcome[];
  };
}

/** A single JSON document (SBOMs). Each element it describes counts as a row. */
export interface JsonDocumentFormat {
  id: string;
  label: string;
  input: "json";
  detect(document: unknown, fileName: string): number;
  /** `text` is the document as read, so readers can point at the line of each element. */
  read(document: unknown, text: string, context: ReaderContext): RowOutcome[];
}

export type Format = TableFormat | JsonLinesFormat | JsonDocumentFormat;

/** The file is not of the format it was read as: missing columns, wrong shape. */
export class FormatError extends Error {}
