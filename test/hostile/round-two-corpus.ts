/**
 * The second hostile corpus (issue 15), in one place: every class of attack and accident found in
 * round two, each as a whole `offramp` run (or, for the CSV export and terminal text, a call of
 * the one function every tool uses). `processes.test.ts` runs each case in its own process and
 * holds it to the promise: exit 0 or 2, a clear message, no stack trace, under 30 s and 1.5 GB,
 * rows = accepted + rejected, and nothing from outside the data in any output.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseHTML } from "linkedom";
import MarkdownIt from "markdown-it";
import { neutralise, toCsv } from "../../src/lib/export/csv.js";
import { terminalSafe } from "../../src/lib/export/terminal.js";

export type CaseClass = "ingest" | "scenario" | "share link" | "memo" | "export";

/** What a case's run left behind: exit code, output and the files it wrote in its folder. */
export interface Outcome {
  exit: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

interface Base {
  id: string;
  class: CaseClass;
  /** What the case is, as a sentence. */
  what: string;
  /** The exit code the run must end with (0: read or done; 2: refused with a message). */
  exit: 0 | 2;
  /** What the output (stdout, stderr and files written) must say. */
  says?: RegExp;
  /** Further checks on the outcome. */
  check?: (outcome: Outcome) => void;
}

/** A command line: `setup` writes the inputs into the case's folder and returns the arguments after `offramp`. */
export interface CliCase extends Base {
  kind: "cli";
  setup(dir: string, outside: Outside): string[];
}

/** A call of a pure function every tool shares (the CSV export, terminal text): its result is the output. */
export interface CallCase extends Base {
  kind: "call";
  run(): string;
}

export type HostileCase = CliCase | CallCase;

/** A folder outside the data holding a file whose text must never appear in any output. */
export interface Outside {
  dir: string;
  /** A CSV with a hostname column and a Kaspersky product, so a reader would take it if allowed. */
  file: string;
  canary: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const write = (dir: string, name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const root = resolve(".");
const fixture = (name: string) => join(root, "test/fixtures/ingest", name);
const sample = (name: string) => join(root, "data/sample/exports", name);
const json = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8"));

const DEFENDER = "DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,EndOfSupportDate,ProductCodeCpe";
const defenderRow = (i: number, name = "endpoint_security_for_windows") => `id${i},host-${i}.corp.example,Windows11,10.0,x64,kaspersky,${name},12.1,,,`;
const defender = (...rows: string[]) => `${DEFENDER}\n${rows.join("\n")}\n`;
const KES = "Kaspersky Endpoint Security for Windows";

/** A scenario (the sample organisation's) with its KSC export beside it, edited by `change`. */
function scenarioIn(dir: string, change: (s: Record<string, unknown>, defaults: Record<string, unknown>[]) => Record<string, unknown> = (s) => s): string {
  copyFileSync(sample("ksc-devices.csv"), join(dir, "ksc.csv"));
  const preset = json("data/scenarios/sample-organisation.json");
  const defaults = json("data/assumptions.json").assumptions as Record<string, unknown>[];
  return write(dir, "scenario.json", JSON.stringify(change({ ...preset, trials: 200, inventory: [{ file: "ksc.csv", format: "ksc-devices" }] }, defaults)));
}
/** The scenario with one assumption set (for the baseline loss events a year: every size band's, whichever the fleet reads). */
const withAssumption = (id: string, value: unknown) => (s: Record<string, unknown>, defaults: Record<string, unknown>[]) => {
  const ids = id.startsWith("lef_baseline_") ? defaults.map((a) => a.id as string).filter((x) => x.startsWith("lef_baseline_")) : [id];
  return { ...s, assumptions: ids.map((x) => ({ ...defaults.find((a) => a.id === x)!, value })) };
};
const model = (file: string, ...more: string[]) => ["model", "--scenario", file, "--trials", "200", ...more];
const memo = (dir: string, file: string, format = "md", ...more: string[]) => ["memo", "--scenario", file, "--trials", "200", "--format", format, "--out", join(dir, `memo.${format}`), ...more];

/** The generic-assets workbook with its sheet's XML edited. */
function workbook(edit: (xml: string) => string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(fixture("generic_assets.xlsx"))));
  const name = Object.keys(files).find((n) => /^xl\/worksheets\/.+\.xml$/.test(n))!;
  files[name] = strToU8(edit(strFromU8(files[name]!)));
  return zipSync({ ...files, ...extra }, { level: 1 });
}
/** A zip whose central directory declares `name`'s unpacked size as 4 GB, as a bomb would. */
function declareHuge(bytes: Uint8Array, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50 && strFromU8(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === name) view.setUint32(i + 24, 0xfffffff0, true);
  }
  return bytes;
}
const nested = (depth: number, open: string, close: string, inner = "1") => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const link = (value: unknown) => Buffer.from(deflateSync(strToU8(typeof value === "string" ? value : JSON.stringify(value)), { level: 9 })).toString("base64url");

/** Checks that an `offramp ingest --json` run read every file it could, row by row, losing none. */
export function ingestJson(outcome: Outcome): { sources: { file: string; rows: number; accepted: number; rejected: number; fatal: string | null; errors: { line: number }[]; warnings: { line: number }[] }[]; devices: number; kaspersky: { devices: number } } {
  return JSON.parse(outcome.stdout);
}
/**
 * Elements and links a Markdown viewer that allows HTML would make live, found by rendering the
 * memo with markdown-it (html: true) and reading the result with linkedom: the memo's own images
 * (data: URIs) and http(s) links are fine; anything else is a payload gone live.
 */
export function liveElements(markdown: string): string[] {
  const rendered = new MarkdownIt({ html: true, linkify: false }).render(markdown);
  const { document } = parseHTML(`<!doctype html><html><body>${rendered}</body></html>`);
  const found: string[] = [];
  for (const el of document.querySelectorAll("script, iframe, object, embed, svg, style, form, input, textarea, button")) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
    const url = el.getAttribute("href") ?? (el.tagName === "IMG" ? el.getAttribute("src") : null);
    if (url !== null && !/^(https?:|#|data:image\/svg\+xml;base64,)/i.test(url.trim())) found.push(`${el.tagName.toLowerCase()}[${url.slice(0, 30)}]`);
  }
  return found;
}

/** The Markdown memo was written, holds `payload` as text, and nothing in it would run. */
const inertMemo = (payload: string) => (o: Outcome) => {
  const md = o.files.get("memo.md") ?? "";
  expectation(md.includes(payload), `the payload is in the memo, as text: ${payload}`);
  const live = liveElements(md);
  expectation(live.length === 0, `live in a Markdown viewer that allows HTML: ${live.join(", ")}`);
};

const expectation = (ok: boolean, message: string) => {
  if (!ok) throw new Error(message);
};

export function roundTwoCorpus(): HostileCase[] {
  const ingest = (id: string, what: string, name: string, content: string | Uint8Array, rest: Partial<CliCase> & { args?: string[] } = {}): CliCase => ({
    id,
    class: "ingest",
    what,
    kind: "cli",
    exit: 0,
    ...rest,
    setup: (dir) => ["ingest", "--json", ...(rest.args ?? []), write(dir, name, content)],
  });
  const cases: HostileCase[] = [
    // ── ingest: user text that names an object's own properties ──
    ...["constructor", "__proto__", "toString", "hasOwnProperty"].map((word) =>
      ingest(`cmdb-${word}`, `a CMDB "Device Type" of "${word}" rejects its row (line 2, that column), and the next row is read`, "cmdb.csv", `Hostname,Device Type,Data sensitivity,Software\nfin-ws-1,${word},${word},${KES}\nfin-ws-2,laptop,internal,${KES}\n`, {
        says: new RegExp(`unknown device type \\\\"${word}\\\\"`),
        check: (o) => {
          const s = ingestJson(o).sources[0]!;
          expectation(s.rows === 2 && s.accepted === 1 && s.rejected === 1 && s.errors[0]?.line === 2 && ingestJson(o).kaspersky.devices === 1, `2 rows = 1 accepted + 1 rejected on line 2, got ${JSON.stringify(s)}`);
        },
      }),
    ),
    {
      id: "mapping-proto",
      class: "ingest",
      what: 'a column mapping that names "constructor" is refused as a field that does not exist',
      kind: "cli",
      exit: 2,
      says: /the mapping names \\?"constructor\\?", which is not a field/,
      setup: (dir) => ["ingest", "--json", "--format", "generic-table", "--mapping", write(dir, "mapping.json", '{"constructor": "Hostname", "hostname": "Hostname"}'), write(dir, "cmdb.csv", `Hostname,Software\nfin-ws-1,${KES}\n`)],
    },
    {
      id: "mapping-__proto__",
      class: "ingest",
      what: 'a column mapping whose key is "__proto__" changes no object and maps nothing',
      kind: "cli",
      exit: 0,
      setup: (dir) => ["ingest", "--json", "--format", "generic-table", "--mapping", write(dir, "mapping.json", '{"__proto__": {"hostname": "Software"}, "hostname": "Hostname"}'), write(dir, "cmdb.csv", `Hostname,Software\nfin-ws-1,${KES}\n`)],
      check: (o) => expectation(ingestJson(o).kaspersky.devices === 1, "the device is read by its own hostname"),
    },
    // ── ingest: numbers and dates no calendar can show ──
    ingest("osquery-unixtime", "an osquery unixTime of 1e17 leaves the line read and its time unread", "osquery.log", `${JSON.stringify({ name: "pack_programs", hostIdentifier: "fin-ws-1", unixTime: 1e17, action: "snapshot", snapshot: [{ name: KES, version: "11.11", publisher: "AO Kaspersky Lab" }] })}\n`),
    ingest("days-ago", 'a signature date of "99999999999 days ago" is unreadable, not a crash', "cmdb.csv", `Hostname,Software,Signature date\nfin-ws-1,${KES},99999999999 days ago\nfin-ws-2,${KES},3 days ago\n`, { args: ["--now", "2026-11-25T00:00:00Z"] }),
    ingest("year-10000", "a signature date in year 10000 or 0099 is unreadable, and never printed as +010000", "cmdb.csv", `Hostname,Software,Signature date\nfin-ws-1,${KES},10000-03-01\nfin-ws-2,${KES},0099-01-01\n`, {
      check: (o) => expectation(!/\+0\d{5}/.test(o.stdout + o.stderr), "no six-digit year"),
    }),
    // ── ingest: nesting ──
    ingest("sbom-2000-deep", "a CycloneDX SBOM nested 2,000 deep is read to 64 levels and the rest rejected as one row", "deep.cdx.json", (() => {
      let component: Record<string, unknown> = { name: "leaf", version: "1" };
      for (let i = 0; i < 2000; i++) component = { name: `c${i}`, version: "1", components: [component] };
      return JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [component] });
    })(), { says: /nested more than 64 levels/ }),
    ingest("json-5000-deep", "a JSON document of arrays nested 5,000 deep is refused with a message", "deep.json", nested(5000, "[", "]"), { exit: 2, says: /no known JSON format|not valid JSON/ }),
    ingest("object-5000-deep", "an SBOM whose metadata nests 5,000 objects deep is read, not a crash", "meta.cdx.json", `{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":${nested(5000, '{"a":', "}")},"components":[{"name":"openssl","version":"3"}]}`),
    // ── ingest: workbooks ──
    ingest("xlsx-row-50m", "a 2 KB workbook that numbers a row 50,000,000 is refused before any row is allocated", "crafted.xlsx", workbook((xml) => xml.replace("</sheetData>", '<row r="50000000"><c r="A50000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), { exit: 2, says: /beyond the 1,048,576 rows a spreadsheet holds/ }),
    ingest("xlsx-dimension", "a workbook whose declared dimension runs to row 9,999,999 is refused", "dimension.xlsx", workbook((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD9999999"/>').replace("</sheetData>", '<row r="9999999"><c r="A9999999"/></row></sheetData>')), { exit: 2, says: /beyond the 1,048,576 rows/ }),
    ingest("xlsx-zip-bomb", "a workbook whose entries declare 4 GB unpacked (a zip bomb) is refused before inflating", "bomb.xlsx", (() => {
      const bytes = workbook((xml) => xml, { "xl/media/padding.bin": new Uint8Array(1024) });
      return declareHuge(bytes, "xl/media/padding.bin");
    })(), { exit: 2, says: /more than the 1024 MB this reader unpacks; export it as CSV/ }),
    ingest("xlsx-600k-rows", "a valid workbook of 600,000 rows is refused with a message that says to export CSV", "big.xlsx", workbook((xml) => xml.replace("</sheetData>", `${Array.from({ length: 600_000 }, (_, i) => `<row r="${i + 10}"><c r="A${i + 10}" t="inlineStr"><is><t>h${i}</t></is></c></row>`).join("")}</sheetData>`)), { exit: 2, says: /rows.*export it as CSV|export.*CSV/i }),
    ingest("xlsx-not-a-workbook", "a zip that is not a workbook is refused", "notes.xlsx", zipSync({ "readme.txt": utf8("hello") }), { exit: 2 }),
    ingest("xls-legacy", "a legacy .xls (compound file) is refused with a message", "old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)]), { exit: 2 }),
    // ── ingest: encoding ──
    ingest("stray-byte", "one stray Windows-1252 byte in a UTF-8 MECM export keeps it UTF-8, the Cyrillic names match, and a warning names the line", "mecm.csv", new Uint8Array([...utf8("ResourceID,Name0,DisplayName0,Version0,Publisher0\n99,PC99,Tool "), 0x96, ...utf8(" x,1,Vendor\n"), ...utf8(Array.from({ length: 20 }, (_, i) => `${i},PC${i},Kaspersky Endpoint Security для Windows,12.1,АО Лаборатория Касперского\n`).join(""))]), {
      check: (o) => {
        const source = ingestJson(o).sources[0]!;
        expectation(source.warnings[0]?.line === 2, "a warning on line 2");
        expectation(ingestJson(o).kaspersky.devices === 20, "20 Kaspersky devices");
      },
    }),
    ingest("utf16-no-bom", "a UTF-16LE export without a byte-order mark is read", "utf16.csv", (() => {
      const t = defender(defenderRow(1));
      const b = new Uint8Array(t.length * 2);
      for (let i = 0; i < t.length; i++) b[i * 2] = t.charCodeAt(i);
      return b;
    })(), { check: (o) => expectation(ingestJson(o).kaspersky.devices === 1, "one device") }),
    ingest("binary-junk", "binary junk is refused with a message", "junk.csv", Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24), { exit: 2 }),
    ingest("empty", "an empty file is refused: the file is empty", "empty.csv", "", { exit: 2, says: /the file is empty/ }),
    ingest("bom-only", "a file of only a byte-order mark is refused", "bom.csv", new Uint8Array([0xef, 0xbb, 0xbf]), { exit: 2 }),
    // ── ingest: JSON lines ──
    ingest("jsonl-long-first-line", "an osquery batch whose first line is 200 KB is read as JSON lines", "batch.log", `${JSON.stringify({ name: "pack_programs", hostIdentifier: "fin-ws-1", unixTime: 1790928847, action: "snapshot", snapshot: [...Array.from({ length: 2000 }, (_, i) => ({ name: `Tool ${i}`, version: "1.0.0.0", publisher: "Example Corp with a long name" })), { name: KES, version: "11.11", publisher: "AO Kaspersky Lab" }] })}\n`, {
      check: (o) => expectation(ingestJson(o).kaspersky.devices === 1, "the device is found"),
    }),
    ingest("jsonl-17mb-line", "a 17 MB JSON line is rejected once and the lines around it read", "huge.log", (() => {
      const line = (host: string) => JSON.stringify({ name: "pack_programs", hostIdentifier: host, unixTime: 1790928847, action: "added", columns: { name: KES, version: "12" } });
      return `${line("a")}\n{"x":"${"y".repeat(17 * 1024 * 1024)}"}\n${line("b")}\n`;
    })(), { check: (o) => expectation(ingestJson(o).sources[0]!.rejected === 1 && ingestJson(o).kaspersky.devices === 2, "one rejected, two devices") }),
    ingest("jsonl-junk-lines", "JSON lines that are arrays, strings and broken text are each rejected with their line", "mixed.log", `${JSON.stringify({ name: "programs", hostIdentifier: "h1", action: "added", columns: { name: KES, version: "12" }, unixTime: 1700000000 })}\n[1,2]\n"text"\n{broken\n`),
    // ── ingest: CSV structure ──
    ingest("unclosed-quote", "a quote left open rejects its own line, and the record after it is read", "tvm.csv", defender(defenderRow(1), '"id2,host-2,Windows11', defenderRow(3), defenderRow(4)), {
      check: (o) => {
        const s = ingestJson(o).sources[0]!;
        expectation(s.rows === 4 && s.accepted === 3 && s.rejected === 1 && s.errors[0]?.line === 3, `rows 4 = 3 accepted + 1 rejected on line 3, got ${JSON.stringify(s)}`);
      },
    }),
    ingest("quote-6mb", "a quoted field open for 6 MB rejects its line and the file is read", "tvm.csv", defender(defenderRow(1), `"${"x".repeat(6 * 1024 * 1024)}`, defenderRow(3)), {
      check: (o) => expectation(ingestJson(o).sources[0]!.accepted >= 1, "the rows before are kept"),
    }),
    ingest("ragged", "rows with too many or too few fields are rejected with their line", "tvm.csv", defender(defenderRow(1), `${defenderRow(2)},extra`, "only,three,fields")),
    ingest("duplicate-headers", "a header that appears twice is refused with its name", "tvm.csv", `${DEFENDER},DeviceName\n${defenderRow(1)},x\n`, { exit: 2, says: /appears twice/ }),
    ingest("nul-in-name", "a NUL byte inside a product name still matches the product", "cmdb.csv", `Hostname,Software\nfin-ws-1,Kaspersky\u0000Endpoint Security for Windows\n`, {
      check: (o) => expectation(ingestJson(o).kaspersky.devices === 1, "the device runs Kaspersky"),
    }),
    ingest("formula-cells", "formula and script payloads in cells are kept as plain values", "tvm.csv", defender(`"<script>alert(1)</script>",=cmd|' /C calc'!A0,Windows11,10.0,x64,@SUM(1),+1+1,-2,,,`)),
    {
      id: "escape-in-text",
      class: "ingest",
      what: "escape sequences in a file name and a cell (a clipboard write) reach the terminal as text",
      kind: "cli",
      exit: 0,
      says: /\\u001b/,
      setup: (dir) => ["ingest", write(dir, "evil\u001b]52;c;cHduZWQ=\u0007.csv", defender(defenderRow(1), `id2,"\u001b[2J\u001b]0;pwned\u0007",Windows11,10.0,x64,kaspersky,endpoint_security_for_windows,12.1,,,`, "a,b"))],
    },
    // ── ingest: what is read ──
    { id: "dev-zero", class: "ingest", what: "/dev/zero named on the command line is not read forever", kind: "cli", exit: 2, says: /not a regular file/, setup: () => ["ingest", "/dev/zero"] },
    { id: "folder", class: "ingest", what: "a folder named as an export is reported, not read", kind: "cli", exit: 2, says: /not a regular file/, setup: (dir) => (mkdirSync(join(dir, "exports")), ["ingest", join(dir, "exports")]) },
    {
      id: "missing-and-good",
      class: "ingest",
      what: "a missing file is reported and the good file beside it is read",
      kind: "cli",
      exit: 0,
      says: /ENOENT/,
      setup: (dir) => ["ingest", "--json", join(dir, "typo.csv"), write(dir, "tvm.csv", defender(defenderRow(1)))],
      check: (o) => expectation(ingestJson(o).kaspersky.devices === 1, "the good file is read"),
    },
    {
      id: "one-bad-many-good",
      class: "ingest",
      what: "one unreadable file among five loses nothing from the other four",
      kind: "cli",
      exit: 0,
      setup: (dir) => ["ingest", "--json", fixture("defender_tvm_portal.csv"), write(dir, "bad.xlsx", workbook((xml) => xml.replace("</sheetData>", '<row r="50000000"/></sheetData>'))), fixture("mecm_installed_software.csv"), fixture("osquery_programs.jsonl"), fixture("cyclonedx.json")],
      check: (o) => {
        const j = ingestJson(o);
        expectation(j.sources.filter((s) => s.fatal === null).length === 4 && j.sources.filter((s) => s.fatal !== null).length === 1, "four read, one not");
      },
    },

    // ── scenario: numbers no organisation has ──
    ...(
      [
        ["share-7", "a share of 7 (700%)", "s_endpoint_malware_share", { kind: "point", value: 7 }, /must be from 0 to 1 \(a fraction\), got 7/],
        ["negative-magnitude", "a negative loss magnitude", "lm_90ci_smb", { kind: "range", low: -500000, likely: 0, high: 100000 }, /must be above 0, got -500000/],
        ["lef-1e308", "loss events a year of 1e308", "lef_baseline_smb", { kind: "point", value: 1e308 }, /lef_baseline_\w+\) must be/],
        ["lef-1e6", "a million loss events a year", "lef_baseline_smb", { kind: "point", value: 1e6 }, /loss events a year are too many to simulate/],
        ["turnover-zero", "a threat turnover of zero years", "tau_threat_turnover", { kind: "range", low: 0, likely: 1, high: 2 }, /must be above 0, got 0/],
      ] as const
    ).flatMap(([id, what, assumption, value, says]): CliCase[] => [
      { id: `validate-${id}`, class: "scenario", what: `scenario validate refuses ${what}, naming the assumption`, kind: "cli", exit: 2, says, setup: (dir) => ["scenario", "validate", scenarioIn(dir, withAssumption(assumption, value))] },
      { id: `model-${id}`, class: "scenario", what: `model refuses ${what} before drawing`, kind: "cli", exit: 2, says, setup: (dir) => model(scenarioIn(dir, withAssumption(assumption, value))) },
    ]),
    { id: "year-0099", class: "scenario", what: "an as-of date in year 0099 is refused", kind: "cli", exit: 2, says: /asOf/, setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, asOf: "0099-01-01" }))) },
    { id: "plan-1e300", class: "scenario", what: "a plan phase of 1e300 days is refused", kind: "cli", exit: 2, says: /plan/, setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, plan: { ...(s.plan as object), pilotDays: { low: 1, likely: 2, high: 1e300 } } }))) },
    { id: "trials-1e9", class: "scenario", what: "a billion trials is refused", kind: "cli", exit: 2, says: /trials/, setup: (dir) => ["model", "--scenario", scenarioIn(dir, (s) => ({ ...s, trials: 1e9 }))] },
    { id: "junk-5000-deep", class: "scenario", what: "a scenario file of junk nested 5,000 deep is refused, not a crash", kind: "cli", exit: 2, setup: (dir) => model(write(dir, "deep.json", `{"schemaVersion":3,"name":${nested(5000, "[", "]")}}`)) },
    { id: "not-json", class: "scenario", what: "a scenario that is not JSON is refused with a message", kind: "cli", exit: 2, says: /not valid JSON/, setup: (dir) => model(write(dir, "broken.json", '{"schemaVersion": 3,')) },
    { id: "diff-trials", class: "scenario", what: 'scenario diff --trials 200 A B runs both on 200 trials (never reads "200" as a file)', kind: "cli", exit: 0, says: /Headline figures \(200 trials/, setup: (dir) => ["scenario", "diff", "--trials", "200", scenarioIn(dir), scenarioIn(dir)] },
    { id: "diff-trials-1e9", class: "scenario", what: "scenario diff --trials 1e9 is refused before drawing", kind: "cli", exit: 2, says: /--trials: expected a whole number/, setup: (dir) => ["scenario", "diff", "--trials", "1e9", scenarioIn(dir), scenarioIn(dir)] },
    {
      id: "name-escapes",
      class: "scenario",
      what: "a scenario name full of escape codes is printed as text",
      kind: "cli",
      exit: 0,
      says: /\\u001b/,
      setup: (dir) => ["scenario", "validate", scenarioIn(dir, (s) => ({ ...s, name: "evil\u001b]0;pwned\u0007\u001b[2J" }))],
    },
    // ── scenario: containment ──
    {
      id: "etc-passwd",
      class: "scenario",
      what: "an inventory reference to /etc/passwd is refused, and model stops with exit 2",
      kind: "cli",
      exit: 2,
      says: /\/etc\/passwd could not be read: is outside the scenario's folder/,
      setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "/etc/passwd", format: "generic-table", mapping: { hostname: "root" } }] }))),
      check: (o) => expectation(!/root:x|daemon:/.test(o.stdout + o.stderr), "no line of /etc/passwd"),
    },
    {
      id: "outside-allow-missing",
      class: "scenario",
      what: "a reference to a readable CSV outside the data is refused even with --allow-missing, and its text appears nowhere",
      kind: "cli",
      exit: 0,
      says: /going on without 1 file/,
      setup: (dir, outside) => model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: outside.file }] })), "--json", "--allow-missing"),
    },
    {
      id: "climb-out",
      class: "scenario",
      what: "a path that climbs out of the scenario's folder is refused",
      kind: "cli",
      exit: 2,
      says: /is outside the scenario's folder/,
      setup: (dir, outside) => model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: relative(dir, outside.file) }] }))),
    },
    {
      id: "symlink-out",
      class: "scenario",
      what: "a link inside the scenario's folder that points outside it is refused",
      kind: "cli",
      exit: 2,
      says: /outside the scenario's folder/,
      setup: (dir, outside) => {
        symlinkSync(outside.file, join(dir, "linked.csv"));
        return model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "linked.csv" }] })));
      },
    },
    { id: "ref-dev-zero", class: "scenario", what: "an inventory reference to /dev/zero is refused, not read forever", kind: "cli", exit: 2, says: /dev\/zero could not be read/, setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "/dev/zero" }] }))) },
    { id: "programme-path", class: "scenario", what: 'programme "../.." is refused as a path', kind: "cli", exit: 2, says: /programme/, setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, programme: "../.." }))) },
    { id: "mistyped-exports", class: "scenario", what: "two mistyped export names stop model with exit 2, naming both", kind: "cli", exit: 2, says: /2 of the scenario's files could not be read/, setup: (dir) => model(scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "tvm-typo.csv" }, { file: "mecm-typo.csv" }] }))) },

    // ── share links ──
    ...(
      [
        ["bomb", "a link that inflates to 1 GB (a deflate bomb)", () => Buffer.from(deflateSync(new Uint8Array(1_000_000_000), { level: 9 })).toString("base64url"), 2, /unpacks to more than 1 MB, which no scenario needs/],
        ["too-long", "a link of 3 million characters", () => "A".repeat(3_000_000), 2, /more than any scenario needs/],
        ["not-base64", "a link that is not base64url", () => "not!base64~", 2, /does not hold a scenario/],
        ["not-deflate", "a link that is base64 but not deflate", () => Buffer.from("hello, this is not deflate data").toString("base64url"), 2, /does not hold a scenario/],
        ["deep-junk", "a link to junk nested 5,000 deep", () => link(nested(5000, "[", "]")), 2, /not valid/],
        ["share-7", "a link to a scenario with a share of 7", () => link({ ...json("data/scenarios/presets/rip-and-replace-now.json"), assumptions: [{ ...json("data/assumptions.json").assumptions.find((a: { id: string }) => a.id === "s_endpoint_malware_share"), value: { kind: "point", value: 7 } }] }), 0, /valid|wrote/],
        ["url", "a whole URL with #s= and a real scenario", () => `https://offramp.example/scenarios#s=${link({ ...json("data/scenarios/presets/rip-and-replace-now.json"), inventory: [] })}`, 0, /wrote .*scenario "Rip and replace now"/],
        ["year-0099", "a link to a scenario dated year 0099", () => link({ ...json("data/scenarios/presets/rip-and-replace-now.json"), asOf: "0099-01-01" }), 2, /asOf/],
      ] as const
    ).map(([id, what, text, exit, says]): CliCase => ({
      id: `link-${id}`,
      class: "share link",
      what: `${what}: ${exit ? "refused with a message" : "opened as a scenario file"}`,
      kind: "cli",
      exit,
      says,
      setup: (dir) => ["scenario", "from-link", "--file", write(dir, "link.txt", text()), "--out", join(dir, "opened.json")],
    })),
    {
      id: "link-share-7-validate",
      class: "share link",
      what: "a scenario opened from a link with a share of 7 is then refused by validate",
      kind: "cli",
      exit: 2,
      says: /must be from 0 to 1/,
      setup: (dir) => {
        const opened = { ...json("data/scenarios/presets/rip-and-replace-now.json"), inventory: [], assumptions: [{ ...json("data/assumptions.json").assumptions.find((a: { id: string }) => a.id === "s_endpoint_malware_share"), value: { kind: "point", value: 7 } }] };
        return ["scenario", "validate", write(dir, "opened.json", JSON.stringify(opened))];
      },
    },

    // ── memo ──
    {
      id: "memo-markdown-payloads",
      class: "memo",
      what: "HTML and javascript: links in the scenario's name, profile, labels and narrative stay text in the Markdown memo",
      kind: "cli",
      exit: 0,
      setup: (dir) =>
        memo(
          dir,
          scenarioIn(dir, (s) => ({
            ...s,
            name: '<script>alert("name")</script>',
            profile: { ...(s.profile as object), name: '<img src=x onerror=alert("org")>' },
            narrative: [{ id: "n1", heading: "<iframe src=javascript:alert(1)>", text: "[click](javascript:alert(document.cookie)) <svg onload=alert(1)>" }],
          })),
        ),
      check: inertMemo("alert(document.cookie)"),
    },
    {
      id: "memo-cmdb-unit",
      class: "memo",
      what: "a CMDB business unit that is HTML appears as text in the memo's table",
      kind: "cli",
      exit: 0,
      setup: (dir) => {
        write(dir, "cmdb.csv", `Hostname,Business Unit,Software\nfin-ws-1,<img src=x onerror=alert(1)>,${KES}\nfin-ws-2,Finance,${KES}\n`);
        return memo(dir, scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "cmdb.csv", format: "generic-table" }] })));
      },
      check: inertMemo("img src=x onerror=alert(1)"),
    },
    {
      id: "memo-html-payloads",
      class: "memo",
      what: "the HTML memo escapes a scenario name that is a script",
      kind: "cli",
      exit: 0,
      setup: (dir) => memo(dir, scenarioIn(dir, (s) => ({ ...s, name: "<script>alert(1)</script>" })), "html"),
      check: (o) => expectation(!/<script>alert/.test(o.files.get("memo.html") ?? "<script>alert"), "escaped"),
    },
    { id: "memo-missing", class: "memo", what: "a memo whose scenario names a missing export stops with exit 2 and says how to go on", kind: "cli", exit: 2, says: /pass --allow-missing/, setup: (dir) => memo(dir, scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "typo.csv" }] }))) },
    {
      id: "memo-allow-missing",
      class: "memo",
      what: "with --allow-missing the memo names the export it could not read, where devices are counted and in its appendix",
      kind: "cli",
      exit: 0,
      setup: (dir) => memo(dir, scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: "typo.csv" }] })), "md", "--allow-missing"),
      check: (o) => {
        const md = o.files.get("memo.md") ?? "";
        expectation(/One inventory export could not be read \(typo\.csv\)/.test(md) && /Could not be read: typo\.csv \(cannot be read \(ENOENT\)\)/.test(md) && /\| ksc\.csv \| ksc-devices \| [\d,]+ \|/.test(md), "the memo names what it read and what it could not");
      },
    },
    {
      id: "memo-outside",
      class: "memo",
      what: "a memo whose scenario names a file outside the data never shows its text, even with --allow-missing",
      kind: "cli",
      exit: 0,
      setup: (dir, outside) => memo(dir, scenarioIn(dir, (s) => ({ ...s, inventory: [...(s.inventory as object[]), { file: outside.file, format: "generic-table" }] })), "md", "--allow-missing"),
      check: (o) => expectation(/outside the scenario's folder/.test(o.files.get("memo.md") ?? ""), "the appendix says why it was not read"),
    },
    { id: "memo-share-7", class: "memo", what: "a memo for a scenario with a share of 7 is refused before anything is written", kind: "cli", exit: 2, says: /must be from 0 to 1/, setup: (dir) => memo(dir, scenarioIn(dir, withAssumption("s_endpoint_malware_share", { kind: "point", value: 7 }))) },

    // ── export and terminal text: the functions every tool's output goes through ──
    ...(
      [
        ["ascii", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
        ["fullwidth-equals", "＝1+1", "'＝1+1"],
        ["fullwidth-plus", "＋SUM(A1)", "'＋SUM(A1)"],
        ["fullwidth-minus", "－2+3", "'－2+3"],
        ["fullwidth-at", "＠SUM(1)", "'＠SUM(1)"],
        ["small-equals", "﹦1+1", "'﹦1+1"],
        ["zwsp-prefix", "\u200b=HYPERLINK(\"http://x\")", "'\u200b=HYPERLINK(\"http://x\")"],
        ["nul-prefix", "\u0000=1+1", "'\u0000=1+1"],
        ["tab-prefix", "\t=1+1", "'\t=1+1"],
      ] as const
    ).map(([id, value, expected]): CallCase => ({
      id: `csv-${id}`,
      class: "export",
      what: `a CSV cell ${JSON.stringify(value)} cannot run as a formula`,
      kind: "call",
      exit: 0,
      run: () => {
        const cell = neutralise(value);
        expectation(cell === expected, `neutralised to ${JSON.stringify(cell)}, expected ${JSON.stringify(expected)}`);
        return toCsv([{ hostname: value }], ["hostname"]);
      },
    })),
    {
      id: "terminal-osc52",
      class: "export",
      what: "a clipboard write (OSC 52) and a screen clear in text output are shown, not run",
      kind: "call",
      exit: 0,
      says: /\\u001b\]52/,
      run: () => terminalSafe("host \u001b]52;c;cHduZWQ=\u0007 and \u001b[2J done"),
    },
  ];
  return cases;
}
