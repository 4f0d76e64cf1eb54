import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvChunker, type CsvRecord } from "../../../../src/lib/ingest/csv-chunks.js";
import { defenderDeviceInfo } from "../../../../src/lib/ingest/formats/defender-deviceinfo.js";
import { defenderTvmExport } from "../../../../src/lib/ingest/formats/defender-tvm-export.js";
import { defenderTvm } from "../../../../src/lib/ingest/formats/defender-tvm.js";
import type { Format } from "../../../../src/lib/ingest/formats/format.js";
import { genericTable } from "../../../../src/lib/ingest/formats/generic-table.js";
import { FORMATS } from "../../../../src/lib/ingest/formats/index.js";
import { intuneAggregate, intuneRaw } from "../../../../src/lib/ingest/formats/intune-apps.js";
import { countsOf } from "../../../../src/lib/ingest/types.js";
import { kscDevices } from "../../../../src/lib/ingest/formats/ksc-devices.js";
import { mecmArp } from "../../../../src/lib/ingest/formats/mecm-arp.js";
import { mecmInstalledSoftware } from "../../../../src/lib/ingest/formats/mecm-installed-software.js";
import { matchSoftware } from "../../../../src/lib/ingest/matching.js";
import type { FileResult } from "../../../../src/lib/ingest/types.js";
import type { EncodingName } from "../../../../src/lib/ingest/types.js";
import { binaryFixtures } from "../../../fixtures/ingest/make-binary-fixtures.js";
import { kasperskyCatalog, readAll, readFixture } from "../../../support/ingest.js";

const NEW_FORMATS: readonly Format[] = [defenderDeviceInfo, defenderTvmExport, intuneRaw, intuneAggregate, mecmInstalledSoftware];
/** Every format in play: the new ones, the existing ones, and whatever the registry lists by now. */
const ALL: readonly Format[] = [...new Map([defenderTvm, ...NEW_FORMATS, mecmArp, kscDevices, ...FORMATS.filter((f) => f !== genericTable), genericTable].map((f) => [f.id, f])).values()];

const read = (name: string) => readFixture(name, { formats: ALL });
const productIds = (result: FileResult) => [...new Set(result.software.map((s) => s.product.id))].sort();
const deviceNamed = (result: FileResult, name: string) => result.devices.find((d) => d.names.includes(name));
const softwareOn = (result: FileResult, host: string, productId: string) => result.software.find((s) => s.observation.device.names.includes(host) && s.product.id === productId)?.observation;

interface Case {
  file: string;
  format: string;
  encoding: EncodingName;
  delimiter: string | null;
  rows: number;
  accepted: number;
  /** Rejected rows: line and column. */
  errors: [number, string | null][];
  products: string[];
}

const CASES: Case[] = [
  { file: "defender_tvm_portal.csv", format: "defender-tvm", encoding: "utf-8-bom", delimiter: ",", rows: 9, accepted: 7, errors: [[7, "Device name"], [9, "Software name"]], products: ["kes-linux", "kes-mac", "kes-windows", "ksws", "network-agent"] },
  { file: "defender_deviceinfo.csv", format: "defender-deviceinfo", encoding: "utf-8", delimiter: ",", rows: 11, accepted: 9, errors: [[11, "DeviceName"], [12, "Timestamp"]], products: [] },
  { file: "defender_tvm_export_files.jsonl", format: "defender-tvm-export", encoding: "utf-8", delimiter: null, rows: 9, accepted: 6, errors: [[7, "deviceName"], [8, "softwareFirstSeenTimestamp"], [9, null]], products: ["kes-linux", "kes-mac", "kes-windows", "ksws", "network-agent"] },
  { file: "intune_discovered_apps.csv", format: "intune-apps", encoding: "utf-8", delimiter: ",", rows: 10, accepted: 8, errors: [[9, "DeviceName"], [10, "ApplicationName"]], products: ["kes-mac", "kes-mobile", "kes-windows", "kis", "network-agent"] },
  { file: "intune_discovered_apps_aggregate.csv", format: "intune-apps-aggregate", encoding: "utf-8", delimiter: ",", rows: 8, accepted: 6, errors: [[8, "DeviceCount"], [9, "ApplicationName"]], products: [] },
  { file: "mecm_arp_ssrs_utf16le.csv", format: "mecm-arp", encoding: "utf-16le", delimiter: ",", rows: 8, accepted: 6, errors: [[7, "Name0"], [8, "InstallDate0"]], products: ["kes-windows", "ksws", "kts", "network-agent"] },
  { file: "mecm_installed_software.csv", format: "mecm-installed-software", encoding: "utf-8", delimiter: ",", rows: 8, accepted: 6, errors: [[8, "Netbios_Name0"], [9, "InstallDate0"]], products: ["kes-windows", "ksws", "network-agent", "password-manager"] },
  { file: "ksc_devices_semicolon_de.csv", format: "ksc-devices", encoding: "windows-1252", delimiter: ";", rows: 8, accepted: 6, errors: [[8, "Gerät"], [9, "Letzte Verbindung mit dem Administrationsserver"]], products: ["kes-linux", "kes-windows", "ksws", "network-agent"] },
  { file: "ksc_devices_utf16be.csv", format: "ksc-devices", encoding: "utf-16be", delimiter: "\t", rows: 7, accepted: 5, errors: [[7, "Name"], [8, "Anti-virus databases last updated"]], products: ["kes-linux", "kes-mac", "kes-windows", "ksws", "network-agent"] },
];

describe("Microsoft and Security Center fixtures, read with every format in play", () => {
  it.each(CASES)("$file is read as $format ($encoding)", (c) => {
    const { report, ...result } = read(c.file);
    expect(report.fatal).toBeNull();
    expect(report.format).toBe(c.format);
    expect(report.encoding).toBe(c.encoding);
    expect(report.delimiter).toBe(c.delimiter);
    expect(report.rows).toBe(c.rows);
    expect(report.accepted).toBe(c.accepted);
    expect(report.rows).toBe(report.accepted + report.rejected);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual(c.errors);
    expect(productIds({ report, ...result })).toEqual(c.products);
  });

  it("reads the same fixtures whether the bytes arrive whole or seven at a time", () => {
    for (const c of CASES) {
      const whole = read(c.file);
      const dribbled = readFixture(c.file, { formats: ALL, chunk: 7 });
      expect(dribbled.report, c.file).toEqual(whole.report);
      expect(dribbled.software.length, c.file).toBe(whole.software.length);
    }
  });

  it("keeps the binary fixtures as make-binary-fixtures.ts writes them", () => {
    for (const [name, bytes] of Object.entries(binaryFixtures())) {
      expect(new Uint8Array(readFileSync(resolve("test/fixtures/ingest", name))), name).toEqual(bytes);
    }
  });
});

describe("Defender DeviceInfo", () => {
  const result = read("defender_deviceinfo.csv");

  it("makes one device per DeviceId from the heartbeat rows, keeping the latest Timestamp", () => {
    expect(result.devices.map((d) => d.names[0]).sort()).toEqual(["fin-ws-0101.corp.example.com", "hr-mbp-0042.corp.example.com", "jdoe-iphone", "lab-pc-07", "prn-3f-01", "srv-web-01.corp.example.com"]);
    const fin = deviceNamed(result, "fin-ws-0101.corp.example.com")!;
    expect(fin.ids).toEqual(["defender:4f1d3c2a9b8e7d6c5b4a39281706f5e4d3c2b1a0"]); // the upper-case duplicate is the same device
    expect(fin.lastSeen).toBe("2026-11-01T08:00:00Z"); // the middle row, not the last one in the file
    expect(fin.businessUnit).toBe("Finance Workstations"); // the default group says nothing; a later row fills it
    expect(fin.criticality).toBe(2);
  });

  it("keeps the newest row's values when the newest row comes first", () => {
    const mac = deviceNamed(result, "hr-mbp-0042.corp.example.com")!;
    expect(mac).toMatchObject({ osFamily: "macos", osVersion: "14.6.1", businessUnit: "HR", criticality: 4, lastSeen: "2026-11-01T09:30:00Z" });
  });

  // Fails until mergeObservation (session.ts) lets the observation with the later lastSeen win
  // for fields both rows fill: today the first row in the file wins. Turn into `it` then.
  it("keeps the newest row's values when an older row comes first", () => {
    expect(deviceNamed(result, "fin-ws-0101.corp.example.com")!.osVersion).toBe("10.0.22631");
  });

  it("maps device type, internet exposure and asset value, and keeps devices only discovered", () => {
    expect(deviceNamed(result, "srv-web-01.corp.example.com")).toMatchObject({ osFamily: "windows", osVersion: "10.0.20348", deviceType: "server", internetFacing: true, businessUnit: "DMZ Servers", criticality: 2 });
    expect(deviceNamed(result, "prn-3f-01")).toMatchObject({ deviceType: "appliance", internetFacing: false });
    expect(deviceNamed(result, "jdoe-iphone")).toMatchObject({ osFamily: "ios", deviceType: "mobile" });
    const discovered = deviceNamed(result, "lab-pc-07")!;
    expect(discovered).toMatchObject({ osFamily: "windows", deviceType: "workstation", lastSeen: "2026-11-02T06:10:00Z" });
    expect(discovered.criticality).toBeUndefined(); // "Normal" is everyone's default
  });

  it("scores zero on software inventories, so Defender TVM files stay Defender TVM", () => {
    const tvm = ["DeviceId", "DeviceName", "OSPlatform", "OSVersion", "OSArchitecture", "SoftwareVendor", "SoftwareName", "SoftwareVersion"];
    expect(defenderDeviceInfo.detect(tvm, "x.csv")).toBe(0);
  });
});

describe("Defender export API (JSON lines)", () => {
  const result = read("defender_tvm_export_files.jsonl");

  it("reads first-seen as the install date, the first disk path, and the device group", () => {
    const kes = softwareOn(result, "fin-ws-0101.corp.example.com", "kes-windows")!;
    expect(kes).toMatchObject({ vendor: "kaspersky", version: "11.11.0.452", installDate: "2020-12-30", path: "C:\\Program Files (x86)\\Kaspersky Lab\\KES.11.11.0\\avp.exe" });
    expect(deviceNamed(result, "fin-ws-0101.corp.example.com")!.businessUnit).toBe("Finance Workstations");
    expect(deviceNamed(result, "srv-file-02.corp.example.com")!.businessUnit).toBeUndefined(); // UnassignedGroup
    expect(result.report.errors.find((e) => e.line === 9)!.message).toMatch(/^not valid JSON/);
  });

  it("gives devices the ids the other Defender readers give, so the three sources make one machine", () => {
    const inventory = readAll([read("defender_tvm_portal.csv"), result, read("defender_deviceinfo.csv")]);
    const fin = inventory.devices.filter((d) => d.hostname === "fin-ws-0101");
    expect(fin).toHaveLength(1);
    expect(fin[0]).toMatchObject({ osFamily: "windows", deviceType: "workstation", businessUnit: "Finance Workstations", criticality: 2, lastSeen: "2026-11-01T08:00:00Z" });
    const kes = inventory.installs.filter((i) => i.deviceId === fin[0]!.id && i.catalogId === "kes-windows");
    expect(kes).toHaveLength(1);
    expect(kes[0]!.evidence.map((e) => e.format).sort()).toEqual(["defender-tvm", "defender-tvm-export"]);
  });

  it("detects its records and nothing else", () => {
    expect(defenderTvmExport.detect({ deviceId: "a", deviceName: "b", softwareName: "c" }, "x.jsonl")).toBeGreaterThan(0.9);
    expect(defenderTvmExport.detect({ name: "programs", hostIdentifier: "h", columns: {} }, "x.jsonl")).toBe(0);
    expect(defenderTvmExport.open({ file: "x", now: "2026-11-02T09:00:00Z" }).finish()).toEqual([]);
  });
});

describe("Intune discovered apps", () => {
  const result = read("intune_discovered_apps.csv");

  it("ignores _loc twins, matches macOS apps without a publisher, and reads no personal data", () => {
    const mac = softwareOn(result, "HR-MBP-0042", "kes-mac")!;
    expect(mac.publisher).toBeUndefined();
    expect(mac.version).toBe("11.3.0.245");
    expect(deviceNamed(result, "HR-MBP-0042")).toMatchObject({ ids: ["intune:a7d1e3f5-2c4b-4d6e-8f0a-1b3c5d7e9f20"], osFamily: "macos", osVersion: "14.6.1" });
    expect(deviceNamed(result, "SALES-PH-0012")!.osFamily).toBe("android");
    expect(JSON.stringify(result)).not.toMatch(/@example\.com|Jane Doe/);
  });

  it("tells the raw report from the aggregate one", () => {
    const raw = ["ApplicationKey", "ApplicationName", "ApplicationPublisher", "ApplicationShortVersion", "ApplicationVersion", "DeviceId", "DeviceName", "OSDescription", "OSVersion", "Platform", "UserId", "EmailAddress", "UserName"];
    const aggregate = ["ApplicationKey", "ApplicationName", "ApplicationPublisher", "ApplicationShortVersion", "ApplicationVersion", "DeviceCount"];
    expect(intuneRaw.detect(raw, "x.csv")).toBeGreaterThan(intuneAggregate.detect(raw, "x.csv"));
    expect(intuneAggregate.detect(aggregate, "x.csv")).toBeGreaterThan(intuneRaw.detect(aggregate, "x.csv"));
  });
});

describe("Intune discovered apps, aggregate", () => {
  const file = "intune_discovered_apps_aggregate.csv";

  it("invents no device and counts no installs: its counts are estate-level, apart", () => {
    const result = read(file);
    expect(result.devices).toEqual([]);
    expect(result.software).toEqual([]);
    const inventory = readAll([result]);
    expect(inventory.devices).toEqual([]);
    expect(inventory.kaspersky).toMatchObject({ devices: 0, installs: 0, byProduct: {} });
    expect(inventory.kaspersky.estate.map((e) => e.devices)).toEqual([47, 45, 7]);
  });

  it("carries each row's device count on its outcome, which the catalog can name", () => {
    const records: CsvRecord[] = [];
    const chunker = new CsvChunker(",", "\n");
    chunker.push(readFileSync(resolve("test/fixtures/ingest", file), "utf8"), (r) => records.push(r));
    chunker.end((r) => records.push(r));
    const map = intuneAggregate.open(records[0]!.fields, { file, now: "2026-11-02T09:00:00Z" });
    const byProduct: Record<string, number> = {};
    for (const record of records.slice(1)) {
      for (const count of countsOf(map(record.fields, record.line))) {
        const matched = matchSoftware({ device: { names: [], ids: [] }, name: count.name, publisher: count.publisher, origin: count.origin }, kasperskyCatalog());
        if (matched) byProduct[matched.product.id] = (byProduct[matched.product.id] ?? 0) + count.devices;
      }
    }
    expect(byProduct).toEqual({ "kes-windows": 47, "network-agent": 45, "kes-mac": 7 });
  });
});

describe("Configuration Manager", () => {
  const installed = ["ResourceID", "Netbios_Name0", "ARPDisplayName0", "ProductName0", "ProductVersion0", "Publisher0", "InstallDate0", "InstalledLocation0", "ProductCode0"];
  const arp = ["ResourceID", "Name0", "DisplayName0", "Version0", "Publisher0", "InstallDate0", "ProdID0"];

  it("scores installed software above Add/Remove Programs for its headers, and below for ARP headers", () => {
    expect(mecmInstalledSoftware.detect(installed, "x.csv")).toBeGreaterThan(mecmArp.detect(installed, "x.csv"));
    expect(mecmInstalledSoftware.detect(["ARPDisplayName0", "Publisher0"], "x.csv")).toBeGreaterThan(mecmArp.detect(["ARPDisplayName0", "Publisher0"], "x.csv"));
    expect(mecmInstalledSoftware.detect(arp, "x.csv")).toBeLessThan(mecmArp.detect(arp, "x.csv"));
    expect(mecmInstalledSoftware.detect(arp, "x.csv")).toBe(0);
  });

  it("reads SQL datetimes, SSMS's NULL as empty, and the MSI product name when the ARP name is empty", () => {
    const result = read("mecm_installed_software.csv");
    expect(softwareOn(result, "FIN-WS-0101", "kes-windows")).toMatchObject({ installDate: "2023-04-12", path: "C:\\Program Files (x86)\\Kaspersky Lab\\KES.11.11.0\\" });
    expect(softwareOn(result, "MUC-WS-0012", "network-agent")).toMatchObject({ name: "Kaspersky Security Center 14 Network Agent", installDate: null, path: undefined });
    expect(deviceNamed(result, "FIN-WS-0101")!.ids).toEqual(["mecm:16777220"]);
  });

  it("decodes the UTF-16LE SSRS export, Cyrillic included, and merges it with installed software", () => {
    const ssrs = read("mecm_arp_ssrs_utf16le.csv");
    expect(softwareOn(ssrs, "MSK-WS-0007", "kes-windows")).toMatchObject({ name: "Kaspersky Endpoint Security для Windows", publisher: "АО «Лаборатория Касперского»", installDate: "2024-01-15" });
    const inventory = readAll([ssrs, read("mecm_installed_software.csv")]);
    const kes = inventory.installs.filter((i) => i.deviceId === "dev-fin-ws-0101" && i.catalogId === "kes-windows");
    expect(kes).toHaveLength(1);
    expect(kes[0]!.evidence.map((e) => e.format).sort()).toEqual(["mecm-arp", "mecm-installed-software"]);
  });
});

describe("Security Center device lists", () => {
  it("reads the de-DE Excel re-save: Windows-1252 umlauts in headers, day-first dates", () => {
    const result = read("ksc_devices_semicolon_de.csv");
    expect(result.report.errors[0]).toMatchObject({ line: 8, column: "Gerät", message: "no device name" });
    expect(result.report.errors[1]!.message).toBe('unreadable date "########"');
    const fin = deviceNamed(result, "FIN-WS-0101")!;
    expect(fin.names).toEqual(["FIN-WS-0101", "FIN-WS-0101.corp.example.com"]); // from "DNS-Domäne"
    expect(fin.lastSeen).toBe("2026-11-01T08:42:00Z");
    expect(softwareOn(result, "FIN-WS-0101", "kes-windows")).toMatchObject({ version: "11.11.0.452", signatureDate: "2024-09-28" });
    expect(softwareOn(result, "SRV-FILE-02", "ksws")!.origin.line).toBe(5); // after a cell with a line break
    expect(softwareOn(result, "lnx-db-01", "network-agent")!.package).toBe("klnagent64");
  });

  it("reads the UTF-16BE tab-delimited English list, relative times included", () => {
    const result = read("ksc_devices_utf16be.csv");
    expect(deviceNamed(result, "FIN-WS-0101")!.lastSeen).toBe("2026-11-02T08:56:00Z");
    expect(softwareOn(result, "FIN-WS-0101", "kes-windows")!.signatureDate).toBe("2024-09-28");
    expect(softwareOn(result, "SRV-SQL-01", "ksws")!.signatureDate).toBe("2024-09-29");
    expect(softwareOn(result, "HR-MBP-0042", "kes-mac")).toBeDefined();
    expect(softwareOn(result, "LAB-PC-08", "network-agent")!.origin.line).toBe(9);
  });
});
