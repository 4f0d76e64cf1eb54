import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bestFormat, FORMATS } from "../../../src/lib/ingest/formats/index.js";
import type { TableFormat } from "../../../src/lib/ingest/formats/format.js";
import { genericTable } from "../../../src/lib/ingest/formats/generic-table.js";
import { isNotInstalled, kscReport, kscReportColumns } from "../../../src/lib/ingest/formats/ksc-report.js";
import type { CsvRecord } from "../../../src/lib/ingest/csv-chunks.js";
import type { RowOutcome } from "../../../src/lib/ingest/types.js";
import { cellText, findHeaderRow, fitRow, ingestWorkbookRows, isCompoundFile, isZip, numberText, readWorkbookTables } from "../../../src/lib/ingest/workbook.js";

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url))));
const context = { file: "report.xlsx", now: "2024-09-28T12:00:00Z" };
const tableFormats = [kscReport, ...FORMATS].filter((f): f is TableFormat => f.input === "table");

/** What session.ts does with table records: the first is the headers, the rest are mapped rows. */
function routeRecords(records: CsvRecord[]): { format: string; outcomes: RowOutcome[] } {
  const [head, ...rest] = records;
  const format = bestFormat(tableFormats, (f) => f.detect(head!.fields, context.file));
  if (!format) throw new Error("no format");
  const map = format.open(head!.fields, context);
  const outcomes = rest.map((r) => (r.fields.length === head!.fields.length ? map(r.fields, r.line) : ({ kind: "rejected", line: r.line, column: null, message: "width" } as RowOutcome)));
  return { format: format.id, outcomes };
}

describe("isZip and isCompoundFile", () => {
  it("recognise the zip and OLE2 magic numbers", () => {
    expect(isZip(fixture("generic_assets.xlsx"))).toBe(true);
    expect(isZip(new TextEncoder().encode("hostname,software\n"))).toBe(false);
    expect(isZip(new Uint8Array([0x50, 0x4b]))).toBe(false);
    expect(isCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
  });
});

describe("cell text", () => {
  it("writes dates as ISO, numbers and booleans as plain text", () => {
    expect(cellText(new Date("2024-09-28T00:00:00Z"))).toBe("2024-09-28");
    expect(cellText(new Date("2024-09-28T03:14:00.999Z"))).toBe("2024-09-28T03:14:01Z");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("TRUE");
    expect(numberText("12345678901234567890")).toBe("12345678901234567890");
    expect(numberText("10.199999999999999")).toBe("10.2");
    expect(numberText("2")).toBe("2");
  });

  it("finds the header row under a title row", () => {
    expect(findHeaderRow([["Report on protection"], [], ["Device", "Component name"], ["a", "b"]])).toBe(2);
    expect(findHeaderRow([["hostname"], ["WS-1"]])).toBe(0);
    expect(findHeaderRow([[null], []])).toBe(-1);
  });

  it("fits rows to the header width, keeping values past it", () => {
    expect(fitRow(["a"], 3)).toEqual(["a", "", ""]);
    expect(fitRow(["a", "b", "c", ""], 3)).toEqual(["a", "b", "c"]);
    expect(fitRow(["a", "b", "c", "", "x"], 3)).toEqual(["a", "b", "c", "", "x"]);
  });
});

describe("readWorkbookTables", () => {
  it("reads a generic asset list: first sheet, header row 1, dates as ISO, numbers as text", async () => {
    const table = await readWorkbookTables(fixture("generic_assets.xlsx"));
    expect(table.sheet).toBe("Assets");
    expect(table.headerRow).toBe(1);
    expect(table.headers).toEqual(["hostname", "business unit", "software", "version", "tier", "last seen", "install date"]);
    expect(table.rows[0]).toEqual(["WS-0001", "Finance", "Kaspersky Endpoint Security for Windows", "12.3.0.493", "2", "2024-09-28T03:14:00Z", "2023-05-02"]);
    expect(table.rows).toHaveLength(5);
  });

  it("reads a Security Center report's Details sheet, skipping the title row", async () => {
    const table = await readWorkbookTables(fixture("ksc_report_details.xlsx"));
    expect(table.sheet).toBe("Details");
    expect(table.headerRow).toBe(2);
    expect(table.headers.slice(0, 1)).toEqual(["Device"]);
    expect(table.headers).toContain("Component status");
    expect(table.rows[0]![6]).toBe("2024-09-27T21:40:00Z");
    expect(table.rows[3]![6]).toBe("2024-06-01");
  });

  it("gives a clear error for corrupt, encrypted or non-workbook bytes", async () => {
    const good = fixture("generic_assets.xlsx");
    await expect(readWorkbookTables(good.slice(0, 200))).rejects.toThrow(/workbook is damaged/);
    await expect(readWorkbookTables(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/workbook is damaged/);
    await expect(readWorkbookTables(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(/password-protected/);
    await expect(readWorkbookTables(new TextEncoder().encode("hostname,software\nA,B\n"))).rejects.toThrow(/not an \.xlsx workbook/);
    const error = await readWorkbookTables(good.slice(0, 200)).catch((e: unknown) => e);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
  });

  it("reads bytes that are a view into a larger buffer", async () => {
    const good = fixture("generic_assets.xlsx");
    const padded = new Uint8Array(good.length + 16);
    padded.set(good, 8);
    const table = await readWorkbookTables(padded.subarray(8, 8 + good.length));
    expect(table.headers[0]).toBe("hostname");
  });
});

describe("ingestWorkbookRows", () => {
  it("emits headers on their sheet row and rows on theirs, skipping blank rows", async () => {
    const table = await readWorkbookTables(fixture("generic_assets.xlsx"));
    const records: CsvRecord[] = [];
    ingestWorkbookRows(table.headers, table.rows, table.headerRow, (r) => records.push(r));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    const { format, outcomes } = routeRecords(records);
    expect(format).toBe(genericTable.id);
    expect(outcomes.filter((o) => o.kind === "accepted")).toHaveLength(3);
    expect(outcomes.find((o) => o.kind === "rejected")).toMatchObject({ line: 5, column: "hostname", message: "no device name" });
    const first = outcomes[0]!;
    if (first.kind !== "accepted") throw new Error("row 2 rejected");
    expect(first.software[0]).toMatchObject({ name: "Kaspersky Endpoint Security for Windows", version: "12.3.0.493", installDate: "2023-05-02" });
    expect(first.devices[0]).toMatchObject({ names: ["WS-0001"], businessUnit: "Finance", criticality: 2, lastSeen: "2024-09-28T03:14:00Z" });
  });

  it("routes a Security Center report to ksc-report with sheet rows as lines", async () => {
    const table = await readWorkbookTables(fixture("ksc_report_details.xlsx"));
    const records: CsvRecord[] = [];
    ingestWorkbookRows(table.headers, table.rows, table.headerRow, (r) => records.push(r));
    const { format, outcomes } = routeRecords(records);
    expect(format).toBe("ksc-report");
    expect(outcomes.map((o) => o.line)).toEqual([3, 4, 5, 6]);
  });
});

describe("ksc-report format", () => {
  const headers = ["Device", "Group", "Application", "Component name", "Component status", "Component version", "Anti-virus databases release date"];

  it("is detected over the device list and the generic table", () => {
    expect(kscReport.detect(headers, "report.xlsx")).toBeGreaterThan(0.9);
    expect(bestFormat(tableFormats, (f) => f.detect(headers, "report.xlsx"))?.id).toBe("ksc-report");
    expect(kscReport.detect(["hostname", "software"], "x.csv")).toBe(0);
  });

  it("maps a row to the device and its component as software", () => {
    const map = kscReport.open(headers, context);
    const outcome = map(["WS-0001", "Managed devices", "Kaspersky Endpoint Security for Windows", "File Threat Protection", "Running", "12.3.0.493", "2024-09-27T21:40:00Z"], 3);
    expect(outcome).toMatchObject({
      kind: "accepted",
      line: 3,
      devices: [{ names: ["WS-0001"], ids: [], origin: { file: "report.xlsx", line: 3 } }],
      software: [{ device: { names: ["WS-0001"], ids: [] }, name: "File Threat Protection", version: "12.3.0.493", signatureDate: "2024-09-27", origin: { file: "report.xlsx", line: 3 } }],
    });
  });

  it("keeps the device but no software when the component is not installed", () => {
    const map = kscReport.open(headers, context);
    const outcome = map(["WS-0002", "", "", "Web Threat Protection", "Not installed", "", ""], 5);
    expect(outcome).toMatchObject({ kind: "accepted", devices: [{ names: ["WS-0002"] }], software: [] });
    expect(isNotInstalled("Не установлен")).toBe(true);
    expect(isNotInstalled("Running")).toBe(false);
  });

  it("rejects rows without a device and unreadable database dates", () => {
    const map = kscReport.open(headers, context);
    expect(map(["", "", "", "File Threat Protection", "Running", "", ""], 7)).toMatchObject({ kind: "rejected", line: 7, column: "Device", message: "no device name" });
    expect(map(["WS-1", "", "", "File Threat Protection", "Running", "", "soon"], 8)).toMatchObject({ kind: "rejected", column: "Anti-virus databases release date" });
  });

  it("finds columns whose exact names differ", () => {
    const odd = ["Device name", "Device status", "Name of component", "State of component", "Version of component", "Databases last updated"];
    expect(kscReportColumns(odd)).toEqual({ device: 0, componentName: 2, componentStatus: 3, version: 4, basesDate: 5 });
    const russian = ["Устройство", "Название компонента", "Статус компонента", "Версия компонента", "Дата выпуска баз"];
    expect(kscReportColumns(russian)).toEqual({ device: 0, componentName: 1, componentStatus: 2, version: 3, basesDate: 4 });
  });

  it("names the missing column when there is no device", () => {
    expect(() => kscReport.open(["Component name", "Component status"], context)).toThrow(/missing column "Device"/);
  });
});

describe("browser bundle", () => {
  it("bundles workbook.ts for the browser with no Node built-ins", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const out = mkdtempSync(join(tmpdir(), "offramp-wb-"));
    try {
      const args = ["--bundle", "--platform=browser", "--format=esm", "--log-level=error", "src/lib/ingest/workbook.ts", `--outfile=${join(out, "wb.js")}`, `--metafile=${join(out, "meta.json")}`];
      execFileSync(join(root, "node_modules/.bin/esbuild"), args, { cwd: root, stdio: "pipe" });
      const inputs = Object.keys((JSON.parse(readFileSync(join(out, "meta.json"), "utf8")) as { inputs: Record<string, unknown> }).inputs);
      expect(inputs).toContain("node_modules/fflate/esm/browser.js");
      expect(inputs.filter((i) => i.startsWith("node:") || /node_modules\/(unzipper|graceful-fs|worker-f)/.test(i))).toEqual([]);
      expect(readFileSync(join(out, "wb.js"), "utf8")).not.toMatch(/worker_threads|cdn\.jsdelivr|unpkg\.com/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("workbooks through the ingestion path (as the CLI and the worker read them)", () => {
  it("reads a generic .xlsx: detects the format, counts rows, rejects the bad one by sheet row", async () => {
    const { readInputAsync } = await import("../../support/ingest.js");
    const bytes = readFileSync(resolve("test/fixtures/ingest/generic_assets.xlsx"));
    const result = await readInputAsync(bytes, { file: "generic_assets.xlsx", chunk: 1000 });
    expect(result.report).toMatchObject({ format: "generic-table", encoding: null, rows: 4, accepted: 3, rejected: 1 });
    expect(result.report.errors).toEqual([{ line: 5, column: "hostname", message: "no device name" }]);
    expect(result.software.map((s) => s.product.id)).toContain("kes-windows");
  });

  it("reads bytes that sit inside a larger buffer (a Node Buffer cut from its shared pool)", async () => {
    const { readInputAsync } = await import("../../support/ingest.js");
    const bytes = readFileSync(resolve("test/fixtures/ingest/ksc_report_details.xlsx"));
    const inside = Buffer.concat([Buffer.from("padding before the workbook"), bytes]).subarray(27);
    const result = await readInputAsync(inside, { file: "ksc_report_details.xlsx" });
    expect(result.report.format).toBe("ksc-report");
    expect(result.software.map((s) => s.product.id)).toContain("kes-windows");
  });
});
