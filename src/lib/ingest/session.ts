import type { CompiledCatalog } from "../catalog/match.js";
import { CsvChunker, type CsvRecord } from "./csv-chunks.js";
import { ingestWorkbookRows, isZip, readWorkbookTables } from "./workbook.js";
import { sniffDelimiter } from "./delimiter.js";
import { decoderFor, sniffEncoding, type Decoder } from "./encoding.js";
import { FORMATS } from "./formats/index.js";
import { chooseFormat } from "./choose-format.js";
import { deviceKey, flat, mergeInto } from "./merge.js";
import { detectShape, MAX_JSON_LINE_CHARS } from "./shape.js";
import { Tally } from "./tally.js";
import { RowScreen } from "./row-screen.js";
import { FormatError, type Format, type JsonLinesFormat, type ReaderContext, type RowRuns } from "./formats/format.js";
import { matchReplacement, matchSoftware, type MatchedSoftware } from "./matching.js";
import type { CatalogProduct, ReplacementProduct } from "../schema/index.js";
import type { DeviceObservation, EncodingName, EstateCount, FileResult, ReplacementSeen, RowOutcome, SoftwareObservation, SourceReport } from "./types.js";

export interface IngestOptions {
  /** The file's name as the user knows it; reported in every message. */
  file: string;
  catalog: CompiledCatalog;
  /** ISO instant for relative dates; defaults to the current time. */
  now?: string;
  /** Read as this format instead of detecting it. */
  format?: string;
  /** Column mapping for generic tables. */
  mapping?: Record<string, string>;
  /** The device a file describes when it names none (an appliance's SBOM). */
  device?: string;
  /** At most this many row errors are listed (all are counted). */
  maxListedErrors?: number;
  /** The formats to detect among; all known formats by default. */
  formats?: readonly Format[];
}

const SNIFF_BYTES = 64 * 1024;
/** Workbooks are unzipped whole in memory; past this size they are refused. */
export const MAX_WORKBOOK_BYTES = 200 * 1024 * 1024;
const tooLongLine = `the line is over ${MAX_JSON_LINE_CHARS / 1024 / 1024} MB, too long to read; it was skipped`;
/** Lines with replaced bytes listed per file (the first ones; enough to find and fix them). */
const MAX_WARNINGS = 100;
/** A single JSON document (an SBOM) is read whole; past this it is refused. */
export const MAX_JSON_DOCUMENT_CHARS = 256 * 1024 * 1024;

/**
 * Reads one file, chunk by chunk, whatever its encoding, delimiter and format. The same code
 * runs in the CLI (fed from a Node stream) and in the browser's worker (fed from File.stream()).
 */
export class IngestFile {
  private readonly report: SourceReport;
  private readonly context: ReaderContext;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoder: Decoder | null = null;
  private mode: "unknown" | "table" | "json-lines" | "json" | "failed" = "unknown";
  private text = "";
  private chunker: CsvChunker | null = null;
  private mapRow: ((fields: readonly string[], line: number) => RowOutcome) | null = null;
  private headers: string[] | null = null;
  private jsonLines: ReturnType<JsonLinesFormat["open"]> | null = null;
  private jsonLineNumber = 0;
  private readonly devices = new Map<string, DeviceObservation>();
  private readonly software: MatchedSoftware[] = [];
  private readonly estate: EstateCount[] = [];
  private readonly tally: Tally;
  private zip: Uint8Array[] | null = null;
  private zipBytes = 0;
  private readonly formats: readonly Format[];

  constructor(private readonly options: IngestOptions) {
    this.report = { file: options.file, format: null, encoding: null, delimiter: null, rows: 0, accepted: 0, rejected: 0, errors: [], warnings: [], fatal: null };
    this.context = { file: options.file, now: options.now ?? new Date().toISOString(), mapping: options.mapping, device: options.device };
    this.tally = new Tally(this.report, options.maxListedErrors ?? 1000);
    this.formats = options.formats ?? FORMATS;
  }

  push(bytes: Uint8Array): void {
    if (this.mode === "failed") return;
    if (this.zip) {
      this.zip.push(bytes);
      this.zipBytes += bytes.length;
      if (this.zipBytes > MAX_WORKBOOK_BYTES) this.fail(`a workbook over ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB is too large to read; export it as CSV`);
      return;
    }
    if (!this.decoder) {
      this.head.push(bytes);
      this.headBytes += bytes.length;
      if (this.headBytes < SNIFF_BYTES) return;
      this.startDecoding();
      return;
    }
    this.guard(() => this.text_(this.decoded(this.decoder!.decode(bytes, { stream: true })), false));
  }

  /** Lines of decoded text so far, for naming the line of a replaced byte. */
  private decodedLines = 1;
  /**
   * Text as decoded, noting where the decoder replaced bytes that are not valid in the file's
   * encoding (shown as �): the file keeps its encoding, and each such line gets a warning.
   */
  private decoded(text: string): string {
    // Windows-1252 maps every byte to a character: nothing is ever replaced, so no line need be counted.
    if (this.report.encoding === "windows-1252") return text;
    let replaced = text.indexOf("\uFFFD");
    if (replaced < 0) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.decodedLines++;
      return text;
    }
    let line = this.decodedLines;
    let lastLine = 0;
    for (let i = text.indexOf("\n"); ; i = text.indexOf("\n", i + 1)) {
      const end = i < 0 ? text.length : i;
      while (replaced >= 0 && replaced < end) {
        if (line !== lastLine && this.report.warnings.length < MAX_WARNINGS) {
          this.report.warnings.push({ line, column: null, message: `bytes that are not valid ${this.report.encoding === "utf-8-bom" ? "UTF-8" : (this.report.encoding ?? "").toUpperCase()} were replaced by �` });
          lastLine = line;
        }
        replaced = text.indexOf("\uFFFD", replaced + 1);
      }
      if (i < 0) break;
      line++;
    }
    this.decodedLines = line;
    return text;
  }

  /** Ends the file: reads a buffered workbook (XLSX), or finishes the text it has been fed. */
  async finish(): Promise<FileResult> {
    if (!this.decoder && !this.zip && this.mode !== "failed") this.startDecoding();
    if (!this.zip || this.mode === "failed") return this.end();
    try {
      const table = await readWorkbookTables(concat(this.zip, this.zipBytes));
      this.report.format = null;
      this.mode = "table";
      this.guard(() => ingestWorkbookRows(table.headers, table.rows, table.headerRow, this.record));
      if ((this.mode as string) !== "failed" && !this.headers) this.fail("the workbook has no header row");
    } catch (error) {
      this.fail((error as Error).message);
    }
    this.zip = null;
    return this.result();
  }

  /** Stops reading (the source failed part way): what was read so far, the file marked unread with `why`. */
  abort(why: string): FileResult {
    // Rows already read are kept and counted; the unfinished rest is not parsed.
    this.zip = null;
    this.mode = "failed";
    const result = this.result();
    result.report.fatal = why;
    return result;
  }

  /** What the file gave so far. */
  private result(): FileResult {
    return { report: this.report, devices: [...this.devices.values()], software: this.software, estate: this.estate, replacements: this.replacements };
  }

  /** Ends a text file (every format but workbooks, which need `finish()`). */
  end(): FileResult {
    if (this.zip) throw new Error("a workbook is read with finish(), not end()");
    if (this.mode !== "failed") {
      if (!this.decoder) this.startDecoding();
      this.guard(() => this.text_(this.decoded(this.decoder!.decode()), true));
    }
    if (this.mode === "unknown" && !this.report.fatal) this.fail("the file is empty");
    return this.result();
  }

  private startDecoding(): void {
    const head = concat(this.head, this.headBytes);
    this.head = [];
    if (isZip(head)) {
      this.report.encoding = null;
      this.zip = [head];
      this.zipBytes = head.length;
      return;
    }
    // The same window wherever the bytes come from (the CLI reads 1 MB chunks, a browser 64 KB).
    const encoding: EncodingName = sniffEncoding(head.subarray(0, SNIFF_BYTES));
    this.report.encoding = encoding;
    this.decoder = decoderFor(encoding);
    this.guard(() => this.text_(this.decoded(this.decoder!.decode(head, { stream: true })), false));
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (error instanceof FormatError) this.fail(error.message);
      else throw error;
    }
  }

  private fail(message: string): void {
    this.mode = "failed";
    this.report.fatal = message;
  }

  /** Routes decoded text to the reader for the file's shape. */
  private text_(text: string, final: boolean): void {
    if (this.mode === "unknown") {
      this.text += text;
      const shape = detectShape(this.text, final, (first) => this.formats.some((f) => f.input === "json" && f.detect(first, this.options.file) > 0.25));
      if (shape === null) return;
      if (shape === "empty") {
        this.fail("the file is empty");
        return;
      }
      this.mode = shape;
      text = this.text;
      this.text = "";
    }
    if (this.mode === "table") this.table(text, final);
    else if (this.mode === "json-lines") this.lines(text, final);
    else if (this.mode === "json") this.document(text, final);
  }

  private table(text: string, final: boolean): void {
    if (!this.chunker) {
      const sample = text.replace(/^\uFEFF/, "").slice(0, SNIFF_BYTES);
      const delimiter = sniffDelimiter(sample);
      this.report.delimiter = delimiter;
      this.chunker = new CsvChunker(delimiter, sample.includes("\r\n") ? "\r\n" : "\n");
      text = text.replace(/^\uFEFF/, "");
    }
    this.chunker.push(text, this.record);
    if (final) {
      this.chunker.end(this.record);
      if (!this.headers) this.fail("the file has no header row");
    }
  }

  /** One record of a table (CSV or workbook sheet): the first is the header row. */
  private readonly record = (record: CsvRecord): void => {
    if (this.mode === "failed") return;
    if (!this.headers) {
      if (record.malformed) throw new FormatError(`the header row on line ${record.line} cannot be read: ${record.malformed}`);
      this.openTable(record.fields);
      // From here a record spanning lines with the wrong field count is a quote left open.
      if (this.chunker) {
        this.chunker.expectedFields = record.fields.length;
        if (this.runs) this.chunker.screen = new RowScreen(this.runs, record.fields.length, this.chunker.delimiter, this.chunker.newline, this.options.catalog.anyTerm, () => this.tally.acceptedUnread());
      }
      return;
    }
    this.report.rows++;
    if (record.malformed) {
      this.outcome({ kind: "rejected", line: record.line, column: null, message: record.malformed });
      return;
    }
    if (record.fields.length !== this.headers.length) {
      this.outcome({ kind: "rejected", line: record.line, column: null, message: `expected ${this.headers.length} fields, found ${record.fields.length}` });
      return;
    }
    this.outcome(this.mapRow!(record.fields, record.line));
  };

  private openTable(headers: string[]): void {
    const format = chooseFormat("table", this.formats, this.options.format, (f) => f.detect(headers, this.options.file), `no known format has these headers: ${headers.slice(0, 12).join(", ")}${headers.length > 12 ? ", …" : ""}; name its format, or map its columns as a generic table (on the command line: --format, --mapping)`);
    const seen = new Set<string>();
    for (const h of headers) {
      if (h.trim() && seen.has(h.trim())) throw new FormatError(`the header "${h.trim()}" appears twice`);
      seen.add(h.trim());
    }
    this.report.format = format.id;
    this.headers = headers;
    this.mapRow = format.open(headers, this.context);
    this.runs = format.runs?.(headers) ?? null;
  }

  /** What the format says of its rows' runs (see TableFormat.runs), for the chunker's screen. */
  private runs: RowRuns | null = null;

  /** The unfinished last line, in the pieces it arrived in: joined once, when its line break comes. */
  private pendingLine: string[] = [];
  private pendingChars = 0;
  /** In the middle of a line too long to read: the rest of it, up to its newline, is skipped. */
  private skippingLine = false;
  private lines(text: string, final: boolean): void {
    if (this.skippingLine) {
      const end = text.indexOf("\n");
      if (end < 0) {
        if (final && this.jsonLines) for (const outcome of this.jsonLines.finish()) this.outcome(outcome, false);
        return;
      }
      this.skippingLine = false;
      text = text.slice(end + 1);
    }
    let parts: string[];
    if (!final && text.indexOf("\n") < 0) {
      // Still inside one line (an osquery batch of megabytes): keep the piece, no copy of the line so far.
      this.pendingLine.push(text);
      this.pendingChars += text.length;
      parts = [];
    } else {
      parts = (this.pendingLine.join("") + text).split("\n");
      const rest = final ? "" : parts.pop()!;
      this.pendingLine = rest ? [rest] : [];
      this.pendingChars = rest.length;
    }
    const tooLong = this.pendingChars > MAX_JSON_LINE_CHARS;
    if (tooLong) {
      this.pendingLine = [];
      this.pendingChars = 0;
      this.skippingLine = true;
    }
    for (const raw of parts) {
      this.jsonLineNumber++;
      if (raw.length > MAX_JSON_LINE_CHARS) {
        this.report.rows++;
        this.outcome({ kind: "rejected", line: this.jsonLineNumber, column: null, message: tooLongLine });
        continue;
      }
      const line = raw.trim();
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        this.report.rows++;
        this.outcome({ kind: "rejected", line: this.jsonLineNumber, column: null, message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      if (!this.jsonLines) {
        const format = chooseFormat("json-lines", this.formats, this.options.format, (f) => f.detect(value, this.options.file), "no known format of JSON lines matches this file");
        this.report.format = format.id;
        this.jsonLines = format.open(this.context);
      }
      this.report.rows++;
      this.outcome(this.jsonLines.line(value, this.jsonLineNumber));
    }
    if (tooLong) {
      // Rejected once, at the line where it starts, after the complete lines before it.
      this.jsonLineNumber++;
      this.report.rows++;
      this.outcome({ kind: "rejected", line: this.jsonLineNumber, column: null, message: tooLongLine });
    }
    if (final && this.jsonLines) for (const outcome of this.jsonLines.finish()) this.outcome(outcome, false);
  }

  private documentText: string[] = [];
  private documentChars = 0;
  private document(text: string, final: boolean): void {
    this.documentText.push(text);
    this.documentChars += text.length;
    if (this.documentChars > MAX_JSON_DOCUMENT_CHARS) throw new FormatError(`a JSON document over ${MAX_JSON_DOCUMENT_CHARS / 1024 / 1024} MB is too large to read`);
    if (!final) return;
    const whole = this.documentText.join("");
    this.documentText = [];
    let document: unknown;
    try {
      document = JSON.parse(whole);
    } catch (error) {
      throw new FormatError(`not valid JSON: ${(error as Error).message}`);
    }
    const format = chooseFormat("json", this.formats, this.options.format, (f) => f.detect(document, this.options.file), "no known JSON format matches this document (CycloneDX and SPDX SBOMs are read)");
    this.report.format = format.id;
    for (const outcome of format.read(document, whole, this.context)) {
      this.report.rows++;
      this.outcome(outcome);
    }
  }

  /** Counts an outcome, keeps its devices (one per identity key) and its catalog matches. */
  private outcome(outcome: RowOutcome, counts = true): void {
    if (!this.tally.count(outcome, counts)) return;
    if (outcome.counts) for (const c of outcome.counts) {
      const product = matchSoftware({ device: { names: [], ids: [] }, name: c.name, publisher: c.publisher, version: c.version, origin: c.origin }, this.options.catalog)?.product;
      if (product) this.estate.push({ catalogId: product.id, product: product.name, covered: product.coveredByUsProhibition, version: c.version, devices: c.devices, origin: c.origin });
    }
    for (const device of outcome.devices) {
      // Readers hand back the same observation for consecutive rows of one device.
      if (device === this.lastDevice) continue;
      this.lastDevice = device;
      const key = deviceKey(device);
      if (key === undefined) continue;
      const known = this.devices.get(key);
      if (known) mergeInto(known, device);
      else {
        // One copy of each string: the key is the stored id or name itself, and values many devices share (an OS version) are interned.
        const ids = device.ids.map(flat);
        const names = device.names.map(flat);
        this.devices.set(deviceKey({ ids, names })!, { ...device, names, ids, osVersion: device.osVersion === undefined ? undefined : this.intern(device.osVersion) });
      }
    }
    for (const software of outcome.software) {
      const matched = this.matcher(software);
      if (matched) this.software.push(matched);
    }
  }

  private lastDevice: DeviceObservation | null = null;

  /** Short values many devices share, stored once (bounded: past 10,000 distinct values each is kept as it is). */
  private readonly interned = new Map<string, string>();
  private intern(text: string): string {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    const copy = flat(text);
    if (this.interned.size < 10_000) this.interned.set(copy, copy);
    return copy;
  }

  // Titles repeat across devices: remember each distinct title's match, found by name first.
  private readonly matches = new Map<string, RememberedMatch[]>();
  private matched = 0;
  private matcher(software: SoftwareObservation): MatchedSoftware | null {
    let known = this.matches.get(software.name);
    let found: RememberedMatch | undefined;
    if (known) {
      for (const entry of known) {
        if (sameMatchFields(entry, software)) {
          found = entry;
          break;
        }
      }
    }
    if (found === undefined) {
      const product = matchSoftware(software, this.options.catalog)?.product ?? null;
      found = { os: software.device.osFamily, product, replacement: product ? null : matchReplacement(software, this.options.catalog) };
      if (this.matched++ < 200_000) {
        if (!known) this.matches.set(flat(software.name), (known = []));
        const entry: RememberedMatch = { ...found };
        for (const field of MATCH_FIELDS) {
          const value = software[field];
          if (value !== undefined) entry[field] = flat(value);
        }
        known.push(entry);
      }
    }
    if (found.replacement) this.replacementSeen(software.device, found.replacement);
    return found.product ? { observation: flatObservation(software), product: found.product } : null;
  }

  /** Replacement software seen, once per device and product. */
  private readonly replacements: ReplacementSeen[] = [];
  private readonly replacementKeys = new Set<string>();
  private replacementSeen(device: { names: readonly string[]; ids: readonly string[] }, product: ReplacementProduct): void {
    const key = `${deviceKey(device)}|${product.id}`;
    if (this.replacementKeys.has(key)) return;
    this.replacementKeys.add(key);
    this.replacements.push({ device: { names: device.names.map(flat), ids: device.ids.map(flat) }, product: product.name });
  }
}

/** The fields besides the name that decide a match; the device's operating system too (one token or CPE names a different product on each platform). */
const MATCH_FIELDS = ["vendor", "publisher", "package", "bundleId", "cpe", "purl", "path"] as const;
type RememberedMatch = Partial<Pick<SoftwareObservation, (typeof MATCH_FIELDS)[number]>> & { os: DeviceObservation["osFamily"]; product: CatalogProduct | null; replacement: ReplacementProduct | null };

/** Whether a remembered match was for these fields (compared one by one: this runs for every row). */
function sameMatchFields(entry: RememberedMatch, s: SoftwareObservation): boolean {
  return entry.vendor === s.vendor && entry.publisher === s.publisher && entry.package === s.package && entry.bundleId === s.bundleId && entry.cpe === s.cpe && entry.purl === s.purl && entry.path === s.path && entry.os === s.device.osFamily;
}

/** A software observation whose strings no longer pin the chunk they were parsed from. */
function flatObservation(s: SoftwareObservation): SoftwareObservation {
  const copy: SoftwareObservation = { ...s, device: { names: s.device.names.map(flat), ids: s.device.ids.map(flat) }, name: flat(s.name) };
  for (const key of ["vendor", "publisher", "version", "package", "bundleId", "cpe", "purl", "path", "installDate", "signatureDate"] as const) {
    const value = s[key];
    if (typeof value === "string") copy[key] = flat(value);
  }
  return copy;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export type { Format };
export { MAX_JSON_LINE_CHARS };
