import type { RowRuns } from "./formats/format.js";

/**
 * Tells, from a table's raw line (one without quotes), whether it adds nothing but its count: it
 * has the header's field count and its required columns filled (so its reader accepts it), names
 * the same device as the line before it, as spelt, and holds no catalog term. Most lines of a
 * Defender inventory are such lines (a device's 2nd to 25th title that is not the vendor's), and
 * counting them without splitting them into fields is most of what makes reading it fast.
 *
 * Every line of the table must pass through `quiet`, or `forget` must be called for lines read
 * another way: the device of the line before is what a line is compared with.
 */
export class RowScreen {
  /** The line before, up to the end of its last device column, when its reader would accept it. */
  private previous: string | null = null;
  /** The last device column. */
  private readonly lastDevice: number;
  /** A line its reader accepts: the header's field count, required columns not blank (sticky). */
  private readonly shape: RegExp;
  /** The catalog's terms, searched from a position (global). */
  private readonly anyTerm: RegExp;

  constructor(
    runs: RowRuns,
    fieldCount: number,
    private readonly delimiter: string,
    newline: "\n" | "\r\n",
    anyTerm: RegExp,
    /** Called for each line passed over: its reader would have accepted it. */
    private readonly passed: () => void,
  ) {
    this.lastDevice = Math.max(...runs.device);
    this.shape = lineShape(fieldCount, runs.required, delimiter, newline);
    this.anyTerm = new RegExp(anyTerm.source, "giu");
  }

  /** The text being screened, and where the next catalog term in it starts (found lazily, each stretch scanned once). */
  private text = "";
  private nextTerm = -1;

  /** Whether the line `text[start, end)` adds nothing but its count; if so, it is counted. */
  quiet(text: string, start: number, end: number): boolean {
    this.shape.lastIndex = start;
    if (this.lastDevice < 0 || !this.shape.test(text)) {
      this.previous = null; // rejected by its reader: no run goes on through it
      return false;
    }
    // The device columns and any before them, as spelt: the same text, the same device.
    let prefixEnd = start - this.delimiter.length;
    for (let column = 0; column <= this.lastDevice; column++) prefixEnd = text.indexOf(this.delimiter, prefixEnd + this.delimiter.length);
    if (prefixEnd < 0 || prefixEnd > end) prefixEnd = end;
    const previous = this.previous;
    // (A slice compared whole: startsWith at a position is several times slower in V8.)
    if (previous === null || prefixEnd - start !== previous.length || text.slice(start, prefixEnd) !== previous) {
      this.previous = text.slice(start, prefixEnd);
      return false;
    }
    if (this.termFrom(text, start) < end) return false;
    this.passed();
    return true;
  }

  private termFrom(text: string, start: number): number {
    if (text !== this.text) {
      this.text = text;
      this.nextTerm = -1;
    }
    if (this.nextTerm < start) {
      this.anyTerm.lastIndex = start;
      const found = this.anyTerm.exec(text);
      this.nextTerm = found ? found.index : Infinity;
    }
    return this.nextTerm;
  }

  /** A line was read without the screen (it held a quote): the next one is not compared with it. */
  forget(): void {
    this.previous = null;
  }
}

/**
 * A sticky pattern for a whole line with `fieldCount` fields, the `required` ones holding more
 * than white space (what `field()`'s trim leaves empty), ending at the line's end. No field holds
 * a line feed, so a line never runs on into the next.
 */
export function lineShape(fieldCount: number, required: readonly number[], delimiter: string, newline: "\n" | "\r\n"): RegExp {
  const d = delimiter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const any = `[^${d}\\n]*`;
  const filled = `[^\\S\\n]*[^\\s${d}]${any}`;
  const fields = Array.from({ length: fieldCount }, (_, i) => (required.includes(i) ? filled : any));
  const end = newline === "\r\n" ? "(?=\\r\\n|$)" : "(?=\\r?\\n|\\r?$)";
  return new RegExp(fields.join(d) + end, "y");
}
