import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { osquery } from "../../../../src/lib/ingest/formats/osquery.js";
import type { FileResult } from "../../../../src/lib/ingest/types.js";
import { readAll, readFixture, readInput } from "../../../support/ingest.js";

const FIXTURE = "osquery_programs.jsonl";
const formats = [osquery];

/** Catalog product → evidence lines, per device, as the workbook lists installs. */
function installsByDevice(result: FileResult): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const install of readAll([result]).installs) {
    const device = (out[install.deviceId] ??= {});
    device[install.catalogId!] = install.evidence.map((e) => e.line);
  }
  return out;
}

const line = (fields: Record<string, unknown>) => JSON.stringify({ hostIdentifier: "host-1", calendarTime: "Fri Oct  2 08:14:07 2026 UTC", unixTime: 1790928847, epoch: 0, numerics: false, ...fields });
const kes = { name: "Kaspersky Endpoint Security for Windows", publisher: "AO Kaspersky Lab", version: "12.6.0.438", install_date: "20250218", install_location: "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.6.0\\" };
const agent = { name: "Kaspersky Security Center Network Agent", publisher: "AO Kaspersky Lab", version: "15.1.0.20748" };
const products = (result: FileResult) => result.software.map((m) => `${m.observation.origin.line}:${m.product.id}`);

describe("osquery results logs", () => {
  it("is detected from its first line", () => {
    const first: unknown = JSON.parse(readFileSync(resolve("test/fixtures/ingest", FIXTURE), "utf8").split("\n")[0]!);
    expect(osquery.detect(first, FIXTURE)).toBeGreaterThan(0.9);
    expect(osquery.detect({ DeviceId: "abc", DeviceName: "pc-1", SoftwareName: "chrome" }, "export.jsonl")).toBe(0);
    expect(readFixture(FIXTURE, { formats }).report.format).toBe("osquery");
  });

  it("counts every log line as a row, accepted or rejected, and rejects the truncated line by its number", () => {
    const { report } = readFixture(FIXTURE, { formats });
    expect(report.rows).toBe(14);
    expect(report.accepted + report.rejected).toBe(report.rows);
    expect(report.rejected).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.line).toBe(9);
    expect(report.errors[0]!.message).toMatch(/not valid JSON/);
    expect(report.fatal).toBeNull();
  });

  it("reports the Kaspersky products still installed at the end of the log, per host, with the line that added them", () => {
    expect(installsByDevice(readFixture(FIXTURE, { formats }))).toEqual({
      "dev-hr-lt-0077": { "kes-windows": [7], "network-agent": [7] },
      "dev-ubu-app-03": { "kes-linux": [10], "network-agent": [10] },
      "dev-rhel-db-02": { "kes-linux": [12], "network-agent": [12] },
      "dev-mac-des-011": { "kes-mac": [13] },
    });
  });

  it("does not report a product that was added and later removed", () => {
    const result = readFixture(FIXTURE, { formats });
    const names = result.software.map((m) => m.observation.device.names[0]);
    expect(names).not.toContain("fin-ws-0142.corp.example.com");
    // The host itself is still known, last seen at the removal (unixTime written as a string).
    const host = readAll([result]).devices.find((d) => d.id === "dev-fin-ws-0142");
    expect(host).toMatchObject({ osFamily: "windows", lastSeen: "2026-10-05T07:30:00Z" });
  });

  it("does not count a deb package removed with its configuration left behind", () => {
    const inventory = readAll([readFixture(FIXTURE, { formats })]);
    expect(inventory.installs.filter((i) => i.deviceId === "dev-ubu-web-01")).toEqual([]);
    expect(inventory.devices.find((d) => d.id === "dev-ubu-web-01")).toMatchObject({ osFamily: "linux", lastSeen: "2026-10-08T02:10:00Z" });
  });

  it("keeps versions, paths, bundle ids and install dates", () => {
    const result = readFixture(FIXTURE, { formats });
    const find = (host: string, id: string) => result.software.find((m) => m.product.id === id && m.observation.device.names.some((n) => n.startsWith(host)))!.observation;
    expect(find("hr-lt-0077", "kes-windows")).toMatchObject({ version: "12.6.0.438", publisher: "AO Kaspersky Lab", installDate: "2025-02-18" });
    expect(find("rhel-db-02", "kes-linux")).toMatchObject({ package: "kesl", version: "12.1.0-1297", vendor: "AO Kaspersky Lab" });
    expect(find("rhel-db-02", "kes-linux").device.ids).toEqual(["osquery:5f1c9d2e-3a47-4b8e-9c61-0d2e7f4a8b13"]);
    expect(find("MAC-DES-011", "kes-mac")).toMatchObject({ name: "Kaspersky Endpoint Security for Mac", bundleId: "com.kaspersky.kes.gui", path: "/Applications/Kaspersky Endpoint Security for Mac.app", version: "12.1.0" });
  });

  it("reads the hosts with their operating system and last-seen time, including top-level decorations", () => {
    const devices = readAll([readFixture(FIXTURE, { formats })]).devices;
    expect(devices.map((d) => [d.id, d.osFamily, d.lastSeen])).toEqual([
      ["dev-fin-ws-0142", "windows", "2026-10-05T07:30:00Z"],
      ["dev-hr-lt-0077", "windows", "2026-10-09T15:20:44Z"],
      ["dev-ubu-app-03", "linux", "2026-10-07T11:45:31Z"],
      ["dev-ubu-web-01", "linux", "2026-10-08T02:10:00Z"],
      ["dev-rhel-db-02", "linux", "2026-10-08T02:10:00Z"],
      ["dev-mac-des-011", "macos", "2026-10-09T15:20:44Z"],
    ]);
  });

  it("gives identical results when the file arrives in 7-byte chunks", () => {
    expect(readFixture(FIXTURE, { formats, chunk: 7 })).toEqual(readFixture(FIXTURE, { formats }));
  });

  it("lets a later snapshot replace what an earlier one said", () => {
    const text = [
      line({ name: "pack_inventory_programs", action: "snapshot", counter: 0, snapshot: [kes, agent] }),
      line({ name: "pack_inventory_programs", action: "snapshot", counter: 0, unixTime: 1791189000, snapshot: [agent] }),
    ].join("\n");
    expect(products(readInput(text, { formats }))).toEqual(["2:network-agent"]);
  });

  it("starts over when osquery restarts a query from a full result (counter 0)", () => {
    const text = [
      line({ name: "programs", counter: 0, columns: kes, action: "added" }),
      line({ name: "programs", counter: 0, columns: agent, action: "added" }),
      // osqueryd's database was reset: a new initial result that no longer lists KES.
      line({ name: "programs", counter: 0, unixTime: 1791189000, diffResults: { added: [agent], removed: [] } }),
    ].join("\n");
    expect(products(readInput(text, { formats }))).toEqual(["3:network-agent"]);
  });

  it("keeps differentials of different hosts and queries apart", () => {
    const text = [
      line({ name: "programs", counter: 0, columns: kes, action: "added" }),
      line({ name: "programs", hostIdentifier: "host-2", counter: 0, columns: kes, action: "added" }),
      line({ name: "programs", hostIdentifier: "host-2", counter: 1, columns: kes, action: "removed" }),
    ].join("\n");
    const result = readInput(text, { formats });
    expect(result.software.map((m) => [m.observation.device.names, m.product.id])).toEqual([[["host-1"], "kes-windows"]]);
  });

  it("reads the documentation's spelling: hostname, and numbers as strings", () => {
    const text = JSON.stringify({ action: "added", columns: { name: "klnagent64", version: "15.1.0", release: "20748", vendor: "AO Kaspersky Lab" }, name: "rpm_packages", hostname: "rhel-app-9.local", calendarTime: "Tue Sep 30 17:37:30 2026", unixTime: "", epoch: "314159265", counter: "1", numerics: false });
    const result = readInput(text, { formats });
    expect(products(result)).toEqual(["1:network-agent"]);
    expect(result.devices[0]).toMatchObject({ names: ["rhel-app-9.local"], osFamily: "linux", lastSeen: "2026-09-30T17:37:30Z" });
  });

  it("tells the table from the columns when the query name does not", () => {
    const text = line({ name: "kaspersky_hunt", counter: 0, action: "snapshot", snapshot: [{ name: "kesl", version: "12.1.0-1297", status: "install ok installed", maintainer: "AO Kaspersky Lab" }] });
    const result = readInput(text, { formats });
    expect(products(result)).toEqual(["1:kes-linux"]);
    expect(result.devices[0]!.osFamily).toBe("linux");
  });

  it("rejects lines that are not osquery results, saying why", () => {
    const text = [line({ name: "programs", counter: 0, columns: kes, action: "added" }), "[1, 2]", JSON.stringify({ name: "programs", columns: kes, action: "added" }), line({ name: "programs", message: "osqueryd started" }), line({ name: "programs", columns: kes, action: "updated" })].join("\n");
    const { report } = readInput(text, { formats });
    expect(report.rows).toBe(5);
    expect(report.accepted).toBe(1);
    expect(report.errors.map((e) => [e.line, e.message])).toEqual([
      [2, expect.stringMatching(/not a JSON object/)],
      [3, expect.stringMatching(/no host identifier/)],
      [4, expect.stringMatching(/no columns, diffResults or snapshot/)],
      [5, expect.stringMatching(/"added" or "removed"/)],
    ]);
  });
});
