import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCatalog } from "../../../src/lib/catalog/match.js";
import { toCsv } from "../../../src/lib/export/csv.js";
import { DEVICE_EXPORT_COLUMNS, deviceExport } from "../../../src/lib/export/devices.js";
import { combine } from "../../../src/lib/ingest/combine.js";
import { Catalog } from "../../../src/lib/schema/index.js";
import { readInput } from "../../support/ingest.js";

const catalog = compileCatalog(Catalog.parse(JSON.parse(readFileSync("data/catalogs/kaspersky.json", "utf8"))));

describe("the device list (offramp ingest --devices)", () => {
  // Three devices: one frozen by its signature date, one updated after the cutoff, one with no date; and one without Kaspersky.
  const cmdb = [
    "Hostname,FQDN,Business Unit,Tier,Software,Signature date",
    "fin-ws-1,fin-ws-1.corp.example,Finance,1,Kaspersky Endpoint Security for Windows,2024-09-28",
    "fin-ws-2,fin-ws-2.corp.example,Finance,2,Kaspersky Endpoint Security for Windows,2024-10-02",
    "ops-srv-1,ops-srv-1.corp.example,=HYPERLINK(\"http://x\"),3,Kaspersky Security Center Network Agent;,",
    "ops-srv-2,ops-srv-2.corp.example,Operations,3,Kaspersky Endpoint Security for Windows,",
    "web-1,web-1.corp.example,Web,4,Google Chrome,",
  ].join("\n");
  const inventory = combine([readInput(`${cmdb}\n`, { file: "cmdb.csv" })], "2026-11-01T00:00:00Z");
  const rows = deviceExport(inventory, catalog, "2024-09-29");

  it("has one row per device, Kaspersky devices first, with frozen by fact (hand-checked)", () => {
    expect(rows.map((r) => [r.hostname, r.coveredProducts, r.signatureDate, r.frozen, r.criticality])).toEqual([
      ["fin-ws-1", "Kaspersky Endpoint Security for Windows", "2024-09-28", "yes", 1],
      ["fin-ws-2", "Kaspersky Endpoint Security for Windows", "2024-10-02", "no", 2],
      ["ops-srv-2", "Kaspersky Endpoint Security for Windows", "", "no signature date", 3],
      ["ops-srv-1", "", "", "no", 3],
      ["web-1", "", "", "no", 4],
    ]);
    expect(rows[0]!.aliases).toContain("fin-ws-1.corp.example");
    expect(rows[0]!.sources).toBe("cmdb.csv");
    // As many Kaspersky devices as the figure everyone counts.
    expect(rows.filter((r) => r.coveredProducts).length).toBe(inventory.kaspersky.devices);
  });

  it("neutralises a cell a spreadsheet would run as a formula", () => {
    const csv = toCsv(rows, DEVICE_EXPORT_COLUMNS);
    expect(csv.split("\n")[0]).toBe("hostname,aliases,sources,coveredProducts,signatureDate,frozen,businessUnit,criticality");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
