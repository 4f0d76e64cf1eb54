import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFacts, type Facts } from "../../loaders/data/facts.js";
import { loadOrganisation, readingInstant } from "../../loaders/data/organisation.js";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { loadFleet } from "../../loaders/data/workbook.js";
import { loadScenario } from "../../loaders/model/scenario.js";

const temp = mkdtempSync(join(tmpdir(), "offramp-organisation-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A Kaspersky Security Center device list (tab-delimited, CRLF) whose first device's databases were updated "2 days ago". */
function kscExport(path: string) {
  const header = readFileSync(join(DATA_DIR, "sample/exports/ksc-devices.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split("\t");
  const row = (name: string, updated: string, connected: string) => {
    const cells: Record<string, string> = {
      Name: name,
      "Operating system type": "Microsoft Windows 11 Enterprise",
      "Windows domain": "ACME",
      "Network Agent is installed": "Yes",
      "Network Agent is running": "Yes",
      "Real-time protection": "Running",
      "Last connected to Administration Server": connected,
      "Protection last updated": updated,
      "Anti-virus databases last updated": updated,
      "Network Agent version": "14.0.0.10902",
      "Application version": "12.1.0.506",
      "Parent group": "Managed devices/HQ",
    };
    return header.map((h) => cells[h] ?? "").join("\t");
  };
  writeFileSync(path, [header.join("\t"), row("WS-1", "2 days ago", "4 minutes ago"), row("WS-2", "7/14/2024 3:14:00 AM", "yesterday")].join("\r\n") + "\r\n");
}

let facts: Facts;
let dir: string;
beforeAll(async () => {
  facts = await loadFacts("kaspersky");
  dir = join(temp, "acme");
  mkdirSync(dir);
  kscExport(join(dir, "ksc.csv"));
});

const signatures = (rows: { hostname: string; signatureDate: string | null }[]) => Object.fromEntries(rows.map((r) => [r.hostname, r.signatureDate]));

describe("readingInstant: what relative dates are read against", () => {
  it("is the export date when known, else 00:00 UTC of the as-of day", () => {
    expect(readingInstant({ exportedAt: "2026-11-02T09:00:00Z", asOf: "2026-11-25" })).toBe("2026-11-02T09:00:00Z");
    expect(readingInstant({ exportedAt: null, asOf: "2026-11-25" })).toBe("2026-11-25T00:00:00Z");
  });
});

describe("loadOrganisation", () => {
  it("reads relative dates against the export date when known, else the as-of day", async () => {
    const files = [{ path: join(dir, "ksc.csv") }];
    const unknown = await loadOrganisation(files, { organisation: "Acme", exportedAt: null, asOf: "2026-03-10" }, facts);
    expect(signatures(unknown.rows)).toEqual({ "ws-1": "2026-03-08", "ws-2": "2024-07-14" });
    const known = await loadOrganisation(files, { organisation: "Acme", exportedAt: "2026-01-05T12:00:00Z", asOf: "2026-03-10" }, facts);
    expect(signatures(known.rows)).toEqual({ "ws-1": "2026-01-03", "ws-2": "2024-07-14" });
    expect(known).toMatchObject({ organisation: "Acme", exportedAt: "2026-01-05T12:00:00Z", programme: "kaspersky", updatesStopped: facts.updatesStopped });
    expect(known.kaspersky.devices).toBe(2);
  });

  it("reports an unreadable file and loads the others; with none readable it names where and why", async () => {
    const some = await loadOrganisation([{ path: join(dir, "ksc.csv") }, { path: join(dir, "missing.csv") }], { organisation: "Acme", exportedAt: null, asOf: "2026-03-10" }, facts);
    expect(some.sources[1]!.fatal).toMatch(/cannot be read \(ENOENT\)/);
    expect(some.rows).toHaveLength(2);
    await expect(loadOrganisation([{ path: join(dir, "missing.csv") }], { organisation: "Acme", exportedAt: null, asOf: "2026-03-10" }, facts, { where: "the Acme folder" })).rejects.toThrow(
      /^the Acme folder: no inventory export could be read \(.*missing\.csv: cannot be read \(ENOENT\)\)$/,
    );
    await expect(loadOrganisation([], { organisation: "Acme", exportedAt: null, asOf: "2026-03-10" }, facts)).rejects.toThrow(/^Acme: no inventory export could be read \(there are no files\)$/);
  });

  it("gives an organisation folder and a scenario naming the same files the same fleet", async () => {
    const sample = JSON.parse(readFileSync(join(DATA_DIR, "scenarios/sample-organisation.json"), "utf8"));
    const scenarioFile = join(dir, "scenario.json");
    writeFileSync(scenarioFile, JSON.stringify({ ...sample, asOf: "2026-03-10", inventory: [{ file: "ksc.csv" }] }));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ organisation: "Acme", exports: [{ file: "ksc.csv" }] }));
    const [fleet, loaded] = await Promise.all([loadFleet(dir, { facts, asOf: "2026-03-10" }), loadScenario(scenarioFile)]);
    expect(fleet.organisation).toBe("Acme");
    expect(fleet.exportedAt).toBeNull();
    expect(loaded.rows).toEqual(fleet.rows);
    expect(loaded.sources).toEqual(fleet.sources);
    expect(signatures(fleet.rows)["ws-1"]).toBe("2026-03-08");
    // Once the manifest says when the exports were taken, that date wins over the as-of day.
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ organisation: "Acme", exportedAt: "2026-01-05T12:00:00Z", exports: [{ file: "ksc.csv" }] }));
    const dated = await loadFleet(dir, { facts, asOf: "2026-03-10" });
    expect(dated.exportedAt).toBe("2026-01-05T12:00:00Z");
    expect(signatures(dated.rows)["ws-1"]).toBe("2026-01-03");
  });
});
