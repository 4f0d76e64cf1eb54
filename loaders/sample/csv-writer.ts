import { dsvFormat } from "d3";

/**
 * Builds delimited text one record at a time and remembers the line each record starts on,
 * counting the line breaks inside quoted fields as a text editor would.
 */
export class CsvWriter {
  private readonly format: ReturnType<typeof dsvFormat>;
  private readonly parts: string[] = [];
  private line = 1;

  constructor(
    private readonly options: { delimiter: string; eol: "\r\n" | "\n"; bom: boolean },
  ) {
    this.format = dsvFormat(options.delimiter);
  }

  /** Appends a record and returns its first line number (1-based, the header being line 1). */
  row(values: readonly (string | number | boolean | null)[]): number {
    const text = this.format.formatRow(values.map((v) => (v === null ? "" : String(v))));
    const start = this.line;
    this.parts.push(text, this.options.eol);
    this.line += 1 + (text.match(/\n/g)?.length ?? 0);
    return start;
  }

  toString(): string {
    return (this.options.bom ? "\uFEFF" : "") + this.parts.join("");
  }
}
