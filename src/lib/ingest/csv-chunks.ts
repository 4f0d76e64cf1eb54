import Papa from "papaparse";

/** One record of a delimited table: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Longest a single record may grow while its quotes stay open, before it is given up on. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * Feeds text, chunk by chunk, to papaparse's RFC 4180 parser and hands back whole records with
 * the line each starts on. Embedded line breaks in quoted fields are counted, so line numbers
 * match what an editor shows. Blank lines are skipped.
 */
export class CsvChunker {
  private readonly parser: Papa.Parser;
  private pending = "";
  private line = 1;

  constructor(
    readonly delimiter: string,
    private readonly newline: "\n" | "\r\n",
  ) {
    this.parser = new Papa.Parser({ delimiter, newline });
  }

  /** Parses what is complete in `text` (plus what was left over); keeps the unfinished tail. */
  push(text: string, emit: (record: CsvRecord) => void): void {
    const input = this.pending + text;
    const result = this.parser.parse(input, 0, true) as { data: string[][]; meta: { cursor: number } };
    this.pending = input.slice(result.meta.cursor);
    this.emitAll(result.data, emit, input.indexOf('"') !== -1);
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new RecordTooLongError(this.line, this.pending.length);
    }
  }

  /** Parses what is left, including a last line without a line break. */
  end(emit: (record: CsvRecord) => void): void {
    if (this.pending) {
      const result = this.parser.parse(this.pending, 0, false) as { data: string[][] };
      this.emitAll(result.data, emit, this.pending.indexOf('"') !== -1);
      this.pending = "";
    }
  }

  /** `quoted`: the text had a quote, so fields may hold line breaks (without quotes they cannot). */
  private emitAll(rows: string[][], emit: (record: CsvRecord) => void, quoted: boolean): void {
    const crlf = this.newline === "\r\n";
    for (const fields of rows) {
      const line = this.line;
      let breaks = 0;
      if (quoted) for (const f of fields) if (f.indexOf("\n") !== -1) breaks += f.split("\n").length - 1;
      // A lone CR at the end of a line when the file is mostly LF.
      const last = fields.length - 1;
      if (!crlf && fields[last]!.endsWith("\r")) fields[last] = fields[last]!.slice(0, -1);
      this.line += 1 + breaks;
      if (fields.length === 1 && fields[0] === "") continue;
      emit({ fields, line });
    }
  }
}

/** A quoted field that never closes (or a record larger than MAX_RECORD_CHARS). */
export class RecordTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly chars: number,
  ) {
    super(`the record starting on line ${line} runs past ${Math.round(chars / 1024)} KB; a quote is probably not closed`);
  }
}
