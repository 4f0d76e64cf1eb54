import Papa from "papaparse";
import type { RowScreen } from "./row-screen.js";

/**
 * One record of a delimited table: its fields and the line it starts on (1-based). `malformed`
 * says why a line could not be read as a record (its fields are then empty): the reader rejects
 * it and goes on with the next line.
 */
export interface CsvRecord {
  fields: string[];
  line: number;
  malformed?: string;
}

/** Longest a single record may grow while its quotes stay open, before it is given up on. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** The window parsed just after a quote left open, and the size past which it is unlimited again. */
const SMALL_WINDOW = 1024;
const LARGE_WINDOW = 1 << 20;

const UNCLOSED = "a quote opened on this line does not close before the next record, so the line was rejected and reading went on with the next line";
const TOO_LONG = `the line runs past ${MAX_RECORD_CHARS / 1024 / 1024} MB without ending its quoted field, so it was rejected and reading went on with the next line`;

/**
 * Feeds text, chunk by chunk, to papaparse's RFC 4180 parser and hands back whole records with
 * the line each starts on. Embedded line breaks in quoted fields are counted, so line numbers
 * match what an editor shows. Blank lines are skipped.
 *
 * A quote that never closes would swallow every record after it. Once the header's field count
 * is known (`expectedFields`), a record that spans lines but has the wrong number of fields is
 * taken for that: its first line is rejected and parsing starts again on the next line. The same
 * happens when a record stays open past MAX_RECORD_CHARS.
 */
export class CsvChunker {
  private readonly parser: Papa.Parser;
  private pending = "";
  private line = 1;
  /** Inside a line longer than MAX_RECORD_CHARS with no line break yet: skipped up to its end. */
  private skipping = false;
  /** The header's field count, once read: what tells a record from a quote left open. */
  expectedFields: number | null = null;
  /** Passes over lines that add nothing but their count (see RowScreen); set after the header. */
  screen: RowScreen | null = null;

  constructor(
    readonly delimiter: string,
    readonly newline: "\n" | "\r\n",
  ) {
    this.parser = new Papa.Parser({ delimiter, newline });
  }

  /** Parses what is complete in `text` (plus what was left over); keeps the unfinished tail. */
  push(text: string, emit: (record: CsvRecord) => void): void {
    if (this.skipping) {
      const end = text.indexOf("\n");
      if (end < 0) return;
      this.skipping = false;
      emit({ fields: [], line: this.line++, malformed: TOO_LONG });
      text = text.slice(end + 1);
    }
    if (this.screen && this.window === Infinity && text.indexOf('"') === -1 && this.pending.indexOf('"') === -1) {
      this.pending = this.screenedChunk(this.pending, text, emit);
      if (this.pending.length > MAX_RECORD_CHARS) {
        // A line of megabytes with no line break yet: rejected when its end comes.
        this.pending = "";
        this.skipping = true;
      }
      return;
    }
    let input = this.pending + text;
    this.pending = "";
    for (;;) {
      this.pending = oneByte(this.parse(input, false, emit));
      if (this.pending.length <= MAX_RECORD_CHARS) return;
      // A quoted field open for megabytes: its first line is rejected, the rest read again.
      const end = this.pending.indexOf("\n");
      if (end < 0) {
        this.pending = "";
        this.skipping = true;
        return;
      }
      emit({ fields: [], line: this.line++, malformed: TOO_LONG });
      input = this.pending.slice(end + 1);
      this.window = SMALL_WINDOW;
    }
  }

  /** Parses what is left, including a last line without a line break. */
  end(emit: (record: CsvRecord) => void): void {
    if (this.skipping) {
      this.skipping = false;
      emit({ fields: [], line: this.line++, malformed: TOO_LONG });
    }
    const input = this.pending;
    this.pending = "";
    if (input) this.parse(input, true, emit);
  }

  /** Characters parsed at once: all there is, except just after a quote left open (see `parse`). */
  private window = Infinity;

  /**
   * Parses `input` from its start (a record boundary) and returns the unfinished tail (empty when
   * `final`). After a quote left open, parsing restarts on the next line with a small window that
   * doubles with each stretch read cleanly, so a file of broken lines costs time in proportion to
   * its length, not its square.
   */
  private parse(input: string, final: boolean, emit: (record: CsvRecord) => void): string {
    if (this.screen) {
      // Without a quote, a record is a line and its fields are split at the delimiter: what
      // papaparse does too, here with the screen asked first.
      if (this.window === Infinity && input.indexOf('"') === -1) return this.screened(input, final, emit);
      this.screen.forget();
    }
    let pos = 0;
    for (;;) {
      const end = this.window >= input.length - pos ? input.length : pos + this.window;
      const slice = pos === 0 && end === input.length ? input : input.slice(pos, end);
      const last = end === input.length;
      const result = this.parser.parse(slice, 0, !(final && last)) as { data: string[][]; errors: { code: string; row: number }[]; meta: { cursor: number } };
      let restart = this.emitAll(slice, result.data, emit);
      if (restart === null && !(final && last)) {
        // The unfinished record at the end has a quote that closes in the middle of a field (`"x` … `"y`):
        // not a quoted field still coming in, but a quote left open. Its first line is rejected.
        const tail = result.meta.cursor;
        const next = slice.indexOf("\n", tail);
        // (A slice cut between CR and LF makes a closing quote look malformed: not counted.)
        const cutNewline = this.newline === "\r\n" && slice.endsWith("\r");
        if (next >= 0 && !cutNewline && result.errors.some((e) => e.code === "InvalidQuotes" && e.row === result.data.length)) {
          emit({ fields: [], line: this.line++, malformed: UNCLOSED });
          restart = next + 1;
        }
      }
      if (restart !== null) {
        pos += restart;
        this.window = SMALL_WINDOW;
        if (pos >= input.length) return "";
        continue;
      }
      if (last) return final ? "" : input.slice(pos + result.meta.cursor);
      // The window ended inside a record: read on from it, with a window twice as large.
      pos += result.meta.cursor;
      this.window = this.window * 2 > LARGE_WINDOW ? Infinity : this.window * 2;
    }
  }

  /**
   * The carried, unfinished line is finished with the chunk's text up to its line break and read
   * alone; the rest is read as the chunk it is, never joined to other text (joining copies it, and
   * a carried two-byte character would make it all two bytes a character). Returns the new tail.
   */
  private screenedChunk(pending: string, text: string, emit: (record: CsvRecord) => void): string {
    if (pending) {
      const { newline } = this;
      // A CRLF cut between the chunks ends the carried line too.
      const cutCrlf = newline === "\r\n" && pending.endsWith("\r") && text.startsWith("\n");
      const found = cutCrlf ? 0 : text.indexOf(newline);
      if (found < 0) return pending + text;
      const cut = cutCrlf ? 1 : found + newline.length;
      this.screened(pending + text.slice(0, cut), false, emit);
      text = text.slice(cut);
    }
    return this.screened(text, false, emit);
  }

  /** `parse` for text without quotes, once a screen is set: lines it passes over are not split. */
  private screened(input: string, final: boolean, emit: (record: CsvRecord) => void): string {
    const { newline, delimiter } = this;
    const screen = this.screen!;
    const crlf = newline === "\r\n";
    for (let at = 0; ; ) {
      const found = input.indexOf(newline, at);
      if (found < 0 && !final) return input.slice(at);
      let end = found < 0 ? input.length : found;
      // A lone CR at the end of a line when the file is mostly LF.
      if (!crlf && end > at && input.charCodeAt(end - 1) === 13) end--;
      const number = this.line++;
      if (end > at && !screen.quiet(input, at, end)) emit({ fields: input.slice(at, end).split(delimiter), line: number });
      if (found < 0) return "";
      at = found + newline.length;
    }
  }

  /**
   * Emits parsed rows in order. Returns null when all were emitted, or the offset in `input` to
   * parse again from when a row was a quote left open (its first line is emitted as malformed).
   */
  private emitAll(input: string, rows: string[][], emit: (record: CsvRecord) => void): number | null {
    const crlf = this.newline === "\r\n";
    // Without a quote, fields cannot hold line breaks, and no record can be a quote left open.
    const quoted = input.indexOf('"') !== -1;
    const firstLine = this.line;
    for (const fields of rows) {
      const line = this.line;
      let breaks = 0;
      if (quoted) for (const f of fields) if (f.indexOf("\n") !== -1) breaks += f.split("\n").length - 1;
      if (breaks > 0 && this.expectedFields !== null && fields.length !== this.expectedFields) {
        // Where this record starts in `input`: after one line break per line read before it.
        let at = 0;
        for (let k = firstLine; k < line; k++) at = input.indexOf("\n", at) + 1;
        const next = input.indexOf("\n", at);
        emit({ fields: [], line, malformed: UNCLOSED });
        this.line = line + 1;
        return next < 0 ? input.length : next + 1;
      }
      // A lone CR at the end of a line when the file is mostly LF.
      const last = fields.length - 1;
      if (!crlf && fields[last]!.endsWith("\r")) fields[last] = fields[last]!.slice(0, -1);
      this.line += 1 + breaks;
      if (fields.length === 1 && fields[0] === "") continue;
      emit({ fields, line });
    }
    return null;
  }
}


/**
 * The same characters, stored one byte each when they all fit. V8 keeps a string cut from text
 * holding any character past U+00FF (a byte-order mark, a Cyrillic name) two bytes a character,
 * and so is everything joined to it: a chunk's unfinished line carried into the next chunk would
 * make every chunk after it two bytes a character, and searching and splitting them several
 * times slower (measured: finding the line breaks of 175 MB, 200 ms against 45 ms).
 */
function oneByte(text: string): string {
  if (text.length === 0 || text.length > 65536) return text;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    codes[i] = code;
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}
