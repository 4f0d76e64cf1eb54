import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Inventory } from "../../../src/lib/ingest/combine.js";
import type { Device, Install } from "../../../src/lib/schema/index.js";
import { readAll, readInput } from "../../support/ingest.js";

// The sample organisation's exports, ingested, must give back its ground truth.
const dir = "data/sample";
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { exportedAt: string; exports: { file: string; device?: string }[] };
const truthDevices = JSON.parse(readFileSync(join(dir, "truth/devices.json"), "utf8")) as Device[];
const truthInstalls = JSON.parse(readFileSync(join(dir, "truth/installs.json"), "utf8")) as Install[];

let inventory: Inventory;
beforeAll(() => {
  const results = manifest.exports.map((e) => readInput(readFileSync(join(dir, e.file)), { file: e.file, now: manifest.exportedAt, chunk: 100_003, device: e.device }));
  inventory = readAll(results, manifest.exportedAt);
});

describe("ingesting the sample organisation's exports", () => {
  it("reads every row of every tabular export, losing none", () => {
    expect(inventory.sources.every((s) => s.fatal === null)).toBe(true);
    for (const source of inventory.sources.filter((s) => s.format !== "cyclonedx")) {
      expect(source.rows, source.file).toBe(source.accepted + source.rejected);
      expect(source.rejected, source.file).toBe(0);
      const text = readFileSync(join(dir, source.file), "utf8");
      const records = source.file.endsWith("ksc-devices.csv") ? source.rows : text.trim().split("\n").length - 1;
      expect(source.rows, source.file).toBe(records);
    }
  });

  it("detects each export's format, encoding and delimiter", () => {
    const by = Object.fromEntries(inventory.sources.map((s) => [s.file, [s.format, s.encoding, s.delimiter]]));
    expect(by["exports/defender-tvm-software-inventory.csv"]).toEqual(["defender-tvm", "utf-8-bom", ","]);
    expect(by["exports/mecm-add-remove-programs.csv"]).toEqual(["mecm-arp", "utf-8-bom", ","]);
    expect(by["exports/ksc-devices.csv"]).toEqual(["ksc-devices", "utf-8", "\t"]);
    expect(by["exports/cmdb-assets.csv"]).toEqual(["generic-table", "utf-8", ","]);
  });

  it("merges the names each source uses (FQDN, NetBIOS capitals, short names) into one device per machine", () => {
    expect(inventory.devices.length).toBe(truthDevices.length);
    const truthByHost = new Map(truthDevices.map((d) => [d.hostname, d]));
    for (const device of inventory.devices) {
      const truth = truthByHost.get(device.hostname);
      expect(truth, device.hostname).toBeDefined();
      expect([device.businessUnit, device.site, device.country, device.criticality], device.hostname).toEqual([truth!.businessUnit, truth!.site, truth!.country, truth!.criticality]);
    }
  });

  it("finds every Kaspersky install the exports show, the SBOM's white-label engine included, with the same evidence lines as the ground truth", () => {
    const host = new Map(truthDevices.map((d) => [d.id, d.hostname]));
    const ingestedHost = new Map(inventory.devices.map((d) => [d.id, d.hostname]));
    const key = (hostname: string, i: Install) => `${hostname}|${i.catalogId}|${i.version}`;
    const expected = new Map(truthInstalls.filter((i) => i.catalogId !== null).map((i) => [key(host.get(i.deviceId)!, i), i]));
    const found = new Map(inventory.installs.map((i) => [key(ingestedHost.get(i.deviceId)!, i), i]));
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, truth] of expected) {
      const mine = found.get(k)!;
      const lines = (i: Install) => i.evidence.map((e) => `${e.file}:${e.line}`).sort();
      expect(lines(mine), k).toEqual(lines(truth));
      expect(mine.signatureDate, k).toBe(truth.signatureDate);
    }
  });

  it("counts the Kaspersky devices the ground truth has", () => {
    const expected = new Set(truthInstalls.filter((i) => i.vendor === "Kaspersky").map((i) => i.deviceId)).size;
    expect(inventory.kaspersky.devices).toBe(expected);
    expect(inventory.kaspersky.byProduct["Kaspersky Endpoint Security for Windows"]).toBeGreaterThan(500);
  });
});
