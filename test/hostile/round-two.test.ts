/**
 * Hostile inputs, round two (issue 15), as far as built: user text that names an object's own
 * properties, numbers no calendar can show, share-link bombs (test/lib/scenario) and Markdown
 * payloads (test/lib/memo). Each case ends with its row rejected or its value unread, never a
 * crash, a hang or a whole file lost.
 */
import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/lib/ingest/dates.js";
import { isoOfDate } from "../../src/lib/ingest/workbook.js";
import { readInput } from "../support/ingest.js";

const PROTO_WORDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];

describe("user text that names an object's own properties", () => {
  for (const word of PROTO_WORDS) {
    it(`a CMDB "Device Type" or "Data sensitivity" of "${word}" is not a device type or sensitivity, and the file still reads`, async () => {
      const csv = `Hostname,Device Type,Data sensitivity,Software\nfin-ws-1,${word},${word},Kaspersky Endpoint Security for Windows\nfin-ws-2,laptop,internal,Kaspersky Endpoint Security for Windows\n`;
      const result = readInput(csv, { file: "cmdb.csv", format: "generic-table", mapping: { hostname: "Hostname", software: "Software", deviceType: "Device Type", dataSensitivity: "Data sensitivity" } });
      expect(result.report.fatal).toBeNull();
      expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
      for (const d of result.devices) {
        expect(["workstation", "server", "vdi", "mobile", "ot", "appliance", "unknown", undefined]).toContain(d.deviceType);
        expect(typeof d.dataSensitivity === "string" || d.dataSensitivity === undefined).toBe(true);
      }
      expect(JSON.stringify(result.devices)).not.toContain("function");
    });
  }
});

describe("dates no calendar can show", () => {
  it.each(["99999999999 days ago", "1000000 weeks ago", "-5 days ago", "3000000 hours ago"])("%s is unreadable, not a RangeError", (text) => {
    expect(() => parseDate(text, { now: "2026-11-25T00:00:00Z" })).not.toThrow();
    const parsed = parseDate(text, { now: "2026-11-25T00:00:00Z" });
    expect(parsed === null || (parsed.date >= "1970-01-01" && parsed.date < "2200-01-01")).toBe(true);
  });
  it("a workbook date cell past year 275760 reads as empty", () => {
    expect(isoOfDate(new Date(NaN))).toBe("");
    expect(isoOfDate(new Date(8.64e15 + 1))).toBe("");
    expect(isoOfDate(new Date(Date.UTC(2024, 8, 29)))).toBe("2024-09-29");
  });
  it("an osquery unixTime of 1e17 leaves the row readable and the line's time unread", async () => {
    const line = JSON.stringify({ name: "pack_programs", hostIdentifier: "fin-ws-1", unixTime: 1e17, action: "snapshot", snapshot: [{ name: "Kaspersky Endpoint Security for Windows", version: "11.11", publisher: "AO Kaspersky Lab" }] });
    const result = readInput(`${line}\n`, { file: "osquery.log", format: "osquery" });
    expect(result.report.fatal).toBeNull();
    expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
  });
});

describe("numbers no organisation has, in a scenario or a share link", async () => {
  const { readFileSync } = await import("node:fs");
  const { evaluateScenario } = await import("../../src/lib/model/evaluate.js");
  const { boundsOf, outOfBounds } = await import("../../src/lib/model/bounds.js");
  const { AssumptionSet, PriceBook, ReplacementOptions, Scenario, Timeline } = await import("../../src/lib/schema/index.js");
  const json = (p: string) => JSON.parse(readFileSync(`data/${p}`, "utf8"));
  const defaults = AssumptionSet.parse(json("assumptions.json")).assumptions;
  const base = Scenario.parse(json("scenarios/presets/rip-and-replace-now.json"));
  const rows = Array.from({ length: 40 }, (_, i) => ({ deviceId: `d${i}`, hostname: `d${i}`, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows" as const, deviceType: "workstation" as const, criticality: 2, internetFacing: false, dataSensitivity: "internal" as const, coveredProducts: ["kes-windows"], signatureDate: "2024-09-28", coveredProtection: true }));
  const context = { rows, defaults, book: PriceBook.parse(json("pricebook.json")), options: ReplacementOptions.parse(json("replacement-options.json")).options, regulation: Timeline.parse(json("timelines/kaspersky.json")), updatesStopped: "2024-09-29" };
  const override = (id: string, value: Record<string, unknown>) => ({ ...base, trials: 200, assumptions: [{ ...defaults.find((a) => a.id === id)!, value }] as typeof base.assumptions });

  it.each([
    ["s_endpoint_malware_share", { kind: "point", value: 7 }, /must be from 0 to 1 \(a fraction\), got 7/],
    ["lm_90ci_smb", { kind: "range", low: -500000, likely: 0, high: 100000 }, /must be above 0, got -500000/],
    ["tau_threat_turnover", { kind: "range", low: 0, likely: 1, high: 2 }, /must be above 0, got 0/],
    ["lef_baseline_smb", { kind: "point", value: 1e308 }, /must be 0 or more|above 0/],
  ])("%s = %j is refused before any drawing, naming the assumption", (id, value, message) => {
    const start = performance.now();
    expect(() => evaluateScenario(override(id, value), context)).toThrow(message);
    expect(() => evaluateScenario(override(id, value), context)).toThrow(new RegExp(id));
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("a million loss events a year is refused by the event budget in seconds, not hours", () => {
    const start = performance.now();
    expect(() => evaluateScenario(override("lef_baseline_smb", { kind: "point", value: 1e6 }), context)).toThrow(/loss events a year are too many to simulate/);
    expect(performance.now() - start).toBeLessThan(20_000);
  });

  it("bounds follow the default: fractions stay fractions, positive quantities positive", () => {
    expect(boundsOf(defaults.find((a) => a.id === "s_endpoint_malware_share")!)).toMatchObject({ min: 0, max: 1 });
    for (const d of defaults) expect(outOfBounds(d.value, d), d.id).toBeNull();
  });

  it("any override of any assumption is refused exactly when a value is not finite or outside its bounds (property)", async () => {
    const fc = (await import("fast-check")).default;
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0, 1, 7, Number.MIN_VALUE, 1e12, 1e12 + 1));
    fc.assert(
      fc.property(fc.constantFrom(...defaults), value, value, value, fc.boolean(), (d, a, b, c, point) => {
        const v = point ? ({ kind: "point", value: a } as const) : ({ kind: "range", low: a, likely: b, high: c } as const);
        const { min, max } = boundsOf(d);
        const inside = (point ? [a] : [a, b, c]).every((x) => Number.isFinite(x) && x >= min && x <= max);
        const problem = outOfBounds(v, d);
        expect(problem === null).toBe(inside);
        if (problem) expect(problem).toMatch(/^must be (from 0 to 1 \(a fraction\)|above 0|0 or more|within ±1e\+12), got /);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});

describe("a scenario's dates and plan, bounded where they are read", async () => {
  const fc = (await import("fast-check")).default;
  const { readFileSync } = await import("node:fs");
  const { parseScenario } = await import("../../src/lib/scenario/parse.js");
  const { ValidationError } = await import("../../src/lib/schema/index.js");
  const preset = JSON.parse(readFileSync("data/scenarios/presets/phased-by-criticality.json", "utf8"));
  const refused = (patch: Record<string, unknown>, field: RegExp) => {
    try {
      parseScenario({ ...preset, ...patch }, "hostile.json");
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(field);
      return;
    }
    throw new Error(`accepted ${JSON.stringify(patch)}`);
  };
  it.each([
    [{ asOf: "0042-01-01" }, /asOf: expected a date from 1990-01-01 to 2100-12-31/],
    [{ asOf: "2999-12-31" }, /asOf: expected a date from 1990/],
    [{ plan: { ...preset.plan, start: "0001-01-01" } }, /plan\.start: expected a date from 1990/],
    [{ plan: { ...preset.plan, procurementDays: { low: 1, likely: 2, high: 1e300 } } }, /plan\.procurementDays/],
    [{ plan: { ...preset.plan, stragglerShare: { low: 0, likely: 0.5, high: 7 } } }, /plan\.stragglerShare: expected a share/],
    [{ plan: { ...preset.plan, slippage: { low: 0.5, likely: 1, high: 2 } } }, /plan\.slippage: expected a factor of at least 1/],
    [{ plan: { ...preset.plan, capacityPerWeek: { low: 0, likely: 0, high: 0 } } }, /plan\.capacityPerWeek/],
    [{ plan: { ...preset.plan, learningWeeks: 1e9 } }, /plan\.learningWeeks/],
    [{ deadlines: [{ id: "d", label: "D", date: "0099-01-01", kind: "internal" }] }, /deadlines\[0\]\.date/],
  ])("refuses %j naming the field", (patch, field) => refused(patch, field));

  it("any plan duration above twenty years is refused, and any within is read (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (high) => {
        const raw = { ...preset, plan: { ...preset.plan, decommissionDays: { low: 0, likely: 0, high } } };
        if (high <= 7300) expect(parseScenario(raw, "p.json").plan!.decommissionDays.high).toBe(high);
        else expect(() => parseScenario(raw, "p.json")).toThrow(/plan\.decommissionDays/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the command line on hostile scenarios", async () => {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "offramp-hostile2-"));
  const preset = JSON.parse(readFileSync("data/scenarios/sample-organisation.json", "utf8"));
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const cli = async (file: string) => {
    try {
      const r = await run("node", ["cli/offramp.js", "model", "--scenario", file, "--trials", "200"], { env: { ...process.env, OFFRAMP_DEBUG: "" } });
      return { code: 0, err: r.stderr, out: r.stdout };
    } catch (error) {
      const e = error as { code: number; stderr: string; stdout: string };
      return { code: e.code, err: e.stderr, out: e.stdout };
    }
  };
  it("a share of 7 and a name full of escape codes end with exit 2, one clear line, no stack trace and no live escape", async () => {
    const share = defaults.find((a: { id: string }) => a.id === "s_endpoint_malware_share");
    const file = join(dir, "share.json");
    writeFileSync(file, JSON.stringify({ ...preset, name: "evil\u001b]0;pwned\u0007\u001b[2J", inventory: preset.inventory.map((r: { file: string }) => ({ ...r, file: join(process.cwd(), "data/scenarios", r.file) })), assumptions: [{ ...share, value: { kind: "point", value: 7 } }] }));
    const { code, err } = await cli(file);
    expect(code).toBe(2);
    expect(err).toMatch(/s_endpoint_malware_share\) must be from 0 to 1 \(a fraction\), got 7/);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toContain("\u001b");
    expect(err).toContain("\\u001b");
  }, 60_000);
});

describe("containment: a scenario reads only what lies in its folder or the data folder", async () => {
  const { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join, resolve } = await import("node:path");
  const { loadScenario } = await import("../../loaders/model/scenario.js");
  const dir = mkdtempSync(join(tmpdir(), "offramp-contain-"));
  const preset = JSON.parse(readFileSync("data/scenarios/sample-organisation.json", "utf8"));
  const own = join(dir, "ksc.csv");
  copyFileSync(resolve("data/sample/exports/ksc-devices.csv"), own);
  mkdirSync(join(dir, "sub"));

  it("refuses /etc/passwd, a path that climbs out, a device and a folder, reads the scenario's own file, and says which is which", async () => {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify({ ...preset, inventory: [{ file: "ksc.csv", format: "ksc-devices" }, { file: "/etc/passwd", format: "generic-table", mapping: { hostname: "root" } }, { file: "../../../../etc/hostname" }, { file: "/dev/zero" }, { file: "sub" }] }));
    const loaded = await loadScenario(file);
    const byFile = new Map(loaded.sources.map((s) => [s.file, s]));
    expect(byFile.get("ksc.csv")!.fatal).toBeNull();
    expect(loaded.sources.filter((s) => s.fatal !== null)).toHaveLength(4);
    for (const s of loaded.sources.filter((x) => x.file !== "ksc.csv")) expect(s.fatal).toMatch(/outside the scenario's folder|not a regular file/);
    expect(JSON.stringify(loaded.rows)).not.toMatch(/root:|daemon:/);
  }, 30_000);

  it("refuses a programme that is a path", async () => {
    const file = join(dir, "programme.json");
    writeFileSync(file, JSON.stringify({ ...preset, programme: "../.." }));
    await expect(loadScenario(file)).rejects.toThrow(/programme: expected a programme id/);
  });
});

describe("model and memo say which inventory files they read", async () => {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const { mkdtempSync, readFileSync, writeFileSync, copyFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join, resolve } = await import("node:path");
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "offramp-missing-"));
  copyFileSync(resolve("data/sample/exports/ksc-devices.csv"), join(dir, "ksc.csv"));
  const preset = JSON.parse(readFileSync("data/scenarios/sample-organisation.json", "utf8"));
  const file = join(dir, "scenario.json");
  writeFileSync(file, JSON.stringify({ ...preset, inventory: [{ file: "ksc.csv", format: "ksc-devices" }, { file: "tvm-typo.csv" }] }));
  const cli = async (...args: string[]) => {
    try {
      const r = await run("node", ["cli/offramp.js", ...args], { maxBuffer: 1 << 26 });
      return { code: 0, err: r.stderr, out: r.stdout };
    } catch (error) {
      const e = error as { code: number; stderr: string; stdout: string };
      return { code: e.code, err: e.stderr, out: e.stdout };
    }
  };

  it("a mistyped export name stops model and memo with exit 2, naming the file and the way out", async () => {
    for (const args of [["model", "--scenario", file, "--trials", "200"], ["memo", "--scenario", file, "--trials", "200", "--format", "md", "--out", join(dir, "memo.md")]]) {
      const { code, err } = await cli(...args);
      expect(code, args[0]).toBe(2);
      expect(err).toMatch(/inventory: 1 file read \(ksc\.csv: [\d,]+ rows/);
      expect(err).toMatch(/inventory: tvm-typo\.csv could not be read: cannot be read \(ENOENT\)/);
      expect(err).toMatch(/pass --allow-missing/);
    }
  }, 120_000);

  it("--allow-missing goes on, says so, and --json lists the files read and not read", async () => {
    const { code, err, out } = await cli("model", "--scenario", file, "--trials", "200", "--json", "--allow-missing");
    expect(code).toBe(0);
    expect(err).toMatch(/going on without 1 file/);
    const json = JSON.parse(out);
    expect(json.scenario.inventory.read.map((r: { file: string }) => r.file)).toEqual(["ksc.csv"]);
    expect(json.scenario.inventory.unreadable).toEqual([{ file: "tvm-typo.csv", reason: expect.stringMatching(/ENOENT/) }]);
  }, 60_000);
});

describe("workbooks checked before they are unpacked", async () => {
  const { readFileSync } = await import("node:fs");
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
  const { workbookProblem, countRows } = await import("../../src/lib/ingest/workbook.js");
  const original = new Uint8Array(readFileSync("test/fixtures/ingest/generic_assets.xlsx"));
  const withSheet = (edit: (xml: string) => string) => {
    const files = unzipSync(original);
    const name = Object.keys(files).find((n) => /^xl\/worksheets\/.+\.xml$/.test(n))!;
    files[name] = strToU8(edit(strFromU8(files[name]!)));
    return zipSync(files);
  };

  it("reads the real fixture", () => {
    expect(workbookProblem(original)).toBeNull();
  });

  it("refuses a 2 KB workbook that numbers a row 50,000,000, in milliseconds and before allocating rows", async () => {
    const crafted = withSheet((xml) => xml.replace("</sheetData>", '<row r="50000000"><c r="A50000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const start = performance.now();
    expect(workbookProblem(crafted)).toMatch(/numbers a row 50,000,000, beyond the 1,048,576 rows/);
    const { readInputAsync } = await import("../support/ingest.js");
    const result = await readInputAsync(crafted, { file: "crafted.xlsx" });
    expect(result.report.fatal).toMatch(/beyond the 1,048,576 rows a spreadsheet holds/);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it("refuses a zip whose entries declare more than a gigabyte unpacked (a zip bomb)", () => {
    const bytes = zipSync({ ...unzipSync(original), "xl/media/padding.bin": new Uint8Array(1024) });
    // Declare the padding's unpacked size as 4 GB in the central directory, as a bomb would.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50 && strFromU8(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === "xl/media/padding.bin") view.setUint32(i + 24, 0xfffffff0, true);
    }
    expect(workbookProblem(bytes)).toMatch(/unpacks to [\d,]+ MB, more than the 1024 MB this reader unpacks; export it as CSV/);
  });

  it("counts rows from the bytes, with or without row numbers", () => {
    expect(countRows(strToU8('<sheetData><row r="1"><c/></row><row r="7" spans="1:2"></row><row><c/></row><rows/></sheetData>'))).toEqual({ rows: 3, highest: 7 });
  });
});

describe("an SBOM nested 2,000 deep", () => {
  it("is read down to 64 levels, reports the rest as one rejected row, and never exhausts the stack", () => {
    let component: Record<string, unknown> = { type: "library", name: "leaf" };
    for (let depth = 0; depth < 2_000; depth++) component = { type: "library", name: `level-${depth}`, components: [component] };
    const bom = JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.5", metadata: { component: { type: "device", name: "mail-gw" } }, components: [component, { type: "application", name: "Kaspersky Security for Linux Mail Server", publisher: "AO Kaspersky Lab" }] });
    const result = readInput(bom, { file: "deep.cdx.json", format: "cyclonedx" });
    expect(result.report.fatal).toBeNull();
    expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
    expect(result.report.rejected).toBe(1);
    expect(result.report.errors[0]!.message).toMatch(/nested more than 64 levels deep/);
    // The component after the deep chain is still read.
    expect(JSON.stringify(result.software)).toContain("Kaspersky Security for Linux Mail Server");
  });
});

describe("encoding: one stray byte does not turn a UTF-8 export into Windows-1252", async () => {
  const { sniffEncoding } = await import("../../src/lib/ingest/encoding.js");
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const header = "ResourceID,Name0,DisplayName0,Version0,Publisher0\n";
  const cyrillic = Array.from({ length: 20 }, (_, i) => `${i},PC${i},Kaspersky Endpoint Security для Windows,12.1,АО Лаборатория Касперского\n`).join("");
  it("a UTF-8 MECM export with a stray 0x96 early on stays UTF-8, its Cyrillic names intact, and the device counts", () => {
    const bytes = new Uint8Array([...utf8(header), ...utf8("99,PC99,Tool "), 0x96, ...utf8(" x,1,Vendor\n"), ...utf8(cyrillic)]);
    expect(sniffEncoding(bytes)).toBe("utf-8");
    const result = readInput(bytes, { file: "mecm.csv", format: "mecm-arp" });
    expect(result.report.encoding).toBe("utf-8");
    expect(JSON.stringify(result.software)).toContain("Лаборатория");
    // The stray byte is replaced, and the file says where: line 2, the only line with one.
    expect(result.report.warnings).toEqual([{ line: 2, column: null, message: "bytes that are not valid UTF-8 were replaced by �" }]);
    expect(readInput(bytes, { file: "mecm.csv", format: "mecm-arp", chunk: 7 }).report.warnings).toEqual(result.report.warnings);
  });
  it("a real Windows-1252 file is still read as one", () => {
    expect(sniffEncoding(new Uint8Array([...utf8("Name,Publisher\nCaf"), 0xe9, ...utf8(",Soci"), 0xe9, ...utf8("t"), 0xe9, ...utf8("\n")]))).toBe("windows-1252");
  });
  it("the CLI's 1 MB chunks and a browser's 64 KB chunks decide the same encoding", () => {
    const bytes = new Uint8Array([...utf8(header), ...utf8(cyrillic.repeat(400)), 0x96, 0x97, 0x98, ...utf8("\n")]);
    expect(bytes.length).toBeGreaterThan(70_000);
    expect(readInput(bytes, { file: "a.csv", chunk: 1 << 20 }).report.encoding).toBe(readInput(bytes, { file: "a.csv", chunk: 65_536 }).report.encoding);
  });
});

describe("a NUL or an invisible mark inside a product name", async () => {
  const { kasperskyCatalog } = await import("../support/ingest.js");
  it.each(["Kaspersky\u0000Endpoint Security for Windows", "Kaspersky\u200bEndpoint Security for Windows", "Kaspersky  Endpoint\tSecurity for Windows"])("%j still matches its product", (name) => {
    const reference = kasperskyCatalog().match({ name: "Kaspersky Endpoint Security for Windows", publisher: "AO Kaspersky Lab" });
    expect(reference?.name).toMatch(/Kaspersky Endpoint Security/);
    expect(kasperskyCatalog().match({ name, publisher: "AO Kaspersky Lab" })?.name).toBe(reference!.name);
  });
});

describe("JSON lines", async () => {
  const { MAX_JSON_LINE_CHARS } = await import("../../src/lib/ingest/session.js");
  const batch = (host: string, names: string[]) => JSON.stringify({ name: "pack_programs", hostIdentifier: host, calendarTime: "Mon Nov  2 09:00:00 2026 UTC", unixTime: 1793178000, epoch: 0, counter: 0, diffResults: { added: names.map((name) => ({ name, version: "11.11", publisher: "AO Kaspersky Lab" })), removed: [] } });
  it("a first line longer than the first chunk (an osquery batch over 64 KB) is still read as JSON lines", () => {
    const first = batch("fin-ws-1", Array.from({ length: 1500 }, (_, i) => (i === 0 ? "Kaspersky Endpoint Security for Windows" : `Tool ${i}`)));
    expect(first.length).toBeGreaterThan(70_000);
    const result = readInput(`${first}\n${batch("fin-ws-2", ["Kaspersky Endpoint Security for Windows"])}\n`, { file: "osquery.log", chunk: 65_536 });
    expect(result.report.fatal).toBeNull();
    expect(result.report.format).toBe("osquery");
    expect(result.report.rows).toBe(2);
    expect(result.report.accepted).toBe(2);
  });
  it("a line over 16 MB is rejected once and skipped; the lines around it are read", () => {
    const huge = batch("huge", ["x".repeat(MAX_JSON_LINE_CHARS + 10)]);
    const text = `${batch("a", ["Kaspersky Endpoint Security for Windows"])}\n${huge}\n${batch("b", ["Kaspersky Endpoint Security for Windows"])}\n`;
    const result = readInput(text, { file: "osquery.log", chunk: 1 << 20 });
    expect(result.report.fatal).toBeNull();
    expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
    expect(result.report.rejected).toBe(1);
    expect(result.report.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/over 16 MB, too long to read/) });
    expect(result.report.accepted).toBe(2);
  }, 30_000);
});

describe("offramp summary on an organisation folder with an export it cannot read", async () => {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const { mkdtempSync, writeFileSync, copyFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join, resolve } = await import("node:path");
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "offramp-summary-"));
  copyFileSync(resolve("data/sample/exports/ksc-devices.csv"), join(dir, "ksc.csv"));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ organisation: "Northwind", exportedAt: "2026-11-02T09:00:00Z", exports: [{ file: "ksc.csv" }, { file: "typo.csv" }, { file: "../../etc/passwd" }] }));
  it("names what it read and what it could not, exits 2, and goes on with --allow-missing", async () => {
    const failed = await run("node", ["cli/offramp.js", "summary", "--data", dir]).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toMatch(/inventory: typo\.csv could not be read: cannot be read \(ENOENT\)/);
    expect((failed as { stderr: string }).stderr).toMatch(/passwd could not be read: is outside the organisation's folder/);
    const { stdout } = await run("node", ["cli/offramp.js", "summary", "--data", dir, "--json", "--allow-missing"]);
    const json = JSON.parse(stdout);
    expect(json.organisation).toBe("Northwind");
    expect(json.inventory.read.map((r: { file: string }) => r.file)).toEqual(["ksc.csv"]);
    expect(json.inventory.unreadable).toHaveLength(2);
  }, 60_000);
});

describe("nesting depth (property)", async () => {
  const fc = (await import("fast-check")).default;
  it("an SBOM chain of any depth up to 400 reads min(depth, 64) components and rejects one row past 64, never throwing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (depth) => {
        let component: Record<string, unknown> = { type: "library", name: `level-${depth}` };
        for (let d = depth - 1; d >= 1; d--) component = { type: "library", name: `level-${d}`, components: [component] };
        const bom = JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.5", metadata: { component: { type: "device", name: "host" } }, components: [component] });
        const result = readInput(bom, { file: "chain.cdx.json", format: "cyclonedx", chunk: 1 << 20 });
        expect(result.report.fatal).toBeNull();
        expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
        expect(result.report.rejected).toBe(depth > 64 ? 1 : 0);
        expect(result.report.accepted).toBe(1 + Math.min(depth, 64));
      }),
      { numRuns: 60 },
    );
  });
});
