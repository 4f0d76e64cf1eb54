/**
 * Catalog matching by the fields each source really has (issue 16): Defender's vendor/product
 * tokens without a CPE, the platform a shared token or CPE names, purls per platform, and
 * look-alike vendors. Against the real catalog.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCatalog } from "../../../src/lib/catalog/match.js";
import { matchSoftware } from "../../../src/lib/ingest/matching.js";
import type { SoftwareObservation } from "../../../src/lib/ingest/types.js";
import { Catalog, type OsFamily } from "../../../src/lib/schema/index.js";
import { readInput } from "../../support/ingest.js";

const catalog = compileCatalog(Catalog.parse(JSON.parse(readFileSync("data/catalogs/kaspersky.json", "utf8"))));
const observed = (fields: Partial<SoftwareObservation> & { os?: OsFamily }): string | null => {
  const { os, ...rest } = fields;
  return matchSoftware({ device: { names: ["h"], ids: [], ...(os ? { osFamily: os } : {}) }, name: "", origin: { file: "f", line: 2 }, ...rest }, catalog)?.product.id ?? null;
};

describe("vendor and product as Defender and NVD write them", () => {
  it.each([
    ["kaspersky", "endpoint_security", "windows", "kes-windows"],
    ["kaspersky", "endpoint_security", undefined, "kes-windows"],
    ["kaspersky", "endpoint_security", "linux", "kes-linux"],
    ["kaspersky", "endpoint_security", "macos", "kes-mac"],
    ["kaspersky", "endpoint_security_for_windows", "windows", "kes-windows"],
    ["kaspersky", "endpoint_security_for_linux", undefined, "kes-linux"],
    ["kaspersky", "endpoint_security_for_mac", undefined, "kes-mac"],
    ["kaspersky_lab", "kaspersky_security_center_network_agent", "windows", "network-agent"],
    ["kaspersky", "network_agent", "linux", "network-agent"],
    ["kaspersky", "kesl", "linux", "kes-linux"],
    ["kaspersky", "security_center", "windows", "ksc-server"],
    ["kaspersky", "anti-virus", "windows", "kav"],
    ["kaspersky_lab", "internet_security_2019", "windows", "kis"],
  ] as const)("%s / %s on %s is %s, with no CPE", (vendor, name, os, id) => {
    expect(observed({ vendor, name, os })).toBe(id);
  });

  it.each([
    ["kaspersky_fans_club", "kaspr_wallpaper"],
    ["kaspersky_fans_club", "endpoint_security"],
    ["kasperskyy", "endpoint_security"],
    ["kaspr", "kaspersky_wallpaper_pack"],
  ])("a look-alike vendor %s / %s is not the vendor's product", (vendor, name) => {
    expect(String(observed({ vendor, name, os: "windows" }))).not.toMatch(/^kes-|network-agent|ksc-server/);
    if (!name.includes("kaspersky")) expect(observed({ vendor, name, os: "windows" })).toBeNull();
  });

  it("a shared CPE names the product of the device's platform", () => {
    const cpe = "cpe:2.3:a:kaspersky:endpoint_security:11.1.0:*:*:*:*:*:*:*";
    expect(observed({ name: "Endpoint Security", cpe, os: "windows" })).toBe("kes-windows");
    expect(observed({ name: "Endpoint Security", cpe, os: "linux" })).toBe("kes-linux");
    expect(observed({ name: "Endpoint Security", cpe, os: "macos" })).toBe("kes-mac");
  });

  it("display names still match as before, and a name seen only as Kaspersky stays unclear", () => {
    expect(observed({ name: "Kaspersky Endpoint Security for Windows", publisher: "AO Kaspersky Lab" })).toBe("kes-windows");
    expect(observed({ name: "Kaspersky Something New", publisher: "AO Kaspersky Lab" })).toBe("kaspersky-other");
  });
});

describe("purls per platform", () => {
  it.each([
    ["pkg:deb/kaspersky/kesl@11.4.0-1234", "kesl", "kes-linux"],
    ["pkg:rpm/kaspersky/kesl@11.4.0", "kesl", "kes-linux"],
    ["pkg:deb/kaspersky/klnagent64@14.2", "klnagent64", "network-agent"],
    ["pkg:rpm/kaspersky/kav4fs@8.0", "kav4fs", "kav-linux-server"],
    ["pkg:maven/com.kaspersky.components/kaspresso@1.5.3", "kaspresso", "kaspresso-dev-library"],
  ])("%s is %s", (purl, name, id) => {
    // Even when the SBOM also carries the generic CPE that Windows' product shares.
    expect(observed({ name, purl, cpe: "cpe:2.3:a:kaspersky:endpoint_security:11.4:*:*:*:*:*:*:*" })).toBe(id);
    expect(observed({ name, purl })).toBe(id);
  });
});

const DEFENDER_HEADER = "DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,EndOfSupportDate";

describe("a Defender software inventory, one row per install, with and without its CPE column", () => {
  const rows = [
    "d1,fin-ws-1.corp.example,Windows11,10.0,x64,kaspersky,endpoint_security,12.1,,",
    "d2,fin-ws-2.corp.example,Windows10,10.0,x64,kaspersky,endpoint_security,11.11,,",
    "d3,web-01.corp.example,Linux,5.15,x64,kaspersky,endpoint_security,11.4,,",
    "d4,mac-01.corp.example,macOS,14,arm64,kaspersky,endpoint_security,12.0,,",
    "d5,fan-01.corp.example,Windows11,10.0,x64,kaspersky_fans_club,kaspr_wallpaper,1.0,,",
  ];
  it("counts every device running Kaspersky Endpoint Security when the CPE says Not available", () => {
    const csv = `${DEFENDER_HEADER},ProductCodeCpe\n${rows.map((r) => `${r},Not available`).join("\n")}\n`;
    const result = readInput(csv, { file: "tvm.csv" });
    expect(result.report.fatal).toBeNull();
    expect(result.software.map((m) => m.product.id).sort()).toEqual(["kes-linux", "kes-mac", "kes-windows", "kes-windows"]);
  });
  it("and when the export has no CPE column at all", () => {
    const result = readInput(`${DEFENDER_HEADER}\n${rows.join("\n")}\n`, { file: "tvm.csv" });
    expect(result.report.fatal).toBeNull();
    expect(result.software.map((m) => m.product.id).sort()).toEqual(["kes-linux", "kes-mac", "kes-windows", "kes-windows"]);
  });
});

describe("covered, not covered and unclear are counted apart", async () => {
  const { combine } = await import("../../../src/lib/ingest/combine.js");
  const { readFixture } = await import("../../support/ingest.js");
  it("the SBOM's covered products are listed under the covered count, the Kaspresso libraries as unclear", () => {
    const inventory = combine([readFixture("cyclonedx.json")], "2026-11-01T00:00:00Z");
    const listed = Object.values(inventory.kaspersky.byProduct).reduce((a, b) => a + b, 0);
    // The installs listed under the covered products are exactly the covered installs counted.
    expect(listed).toBe(inventory.kaspersky.installs);
    expect(Object.keys(inventory.kaspersky.unclear)).toContain("KasperskyLab open-source developer libraries (Kaspresso, Kaspirin, klogga)");
    expect(Object.keys(inventory.kaspersky.byProduct)).not.toContain("KasperskyLab open-source developer libraries (Kaspresso, Kaspirin, klogga)");
  });
});

describe("Intune's aggregate report", async () => {
  const { combine } = await import("../../../src/lib/ingest/combine.js");
  const { readFixture } = await import("../../support/ingest.js");
  it("is reported as estate-level counts per product, summed over versions, and never as devices", () => {
    const inventory = combine([readFixture("intune_discovered_apps_aggregate.csv")], "2026-11-01T00:00:00Z");
    expect(inventory.devices).toHaveLength(0);
    expect(inventory.kaspersky.devices).toBe(0);
    expect(inventory.kaspersky.estate.map((e) => [e.product, e.covered, e.devices, e.versions])).toEqual([
      ["Kaspersky Endpoint Security for Windows", "yes", 47, 2],
      ["Kaspersky Security Center Network Agent", "yes", 45, 1],
      ["Kaspersky Endpoint Security for Mac", "yes", 7, 1],
    ]);
  });
});

describe("devices to review", async () => {
  const { combine } = await import("../../../src/lib/ingest/combine.js");
  const { inventoryView } = await import("../../../src/lib/ingest/inventory-view.js");
  const { devicesToReview } = await import("../../../src/lib/ingest/review.js");
  it("lists the devices running software the catalog cannot decide on, and only those", () => {
    const csv = `Hostname,Software,Publisher\ndev-ws-7,kaspresso,\ndev-ws-7,Kaspersky Something New,AO Kaspersky Lab\nfin-ws-1,Kaspersky Endpoint Security for Windows,AO Kaspersky Lab\nfin-ws-2,Kaspersky Threat Intelligence Portal,AO Kaspersky Lab\n`;
    const view = inventoryView(combine([readInput(csv, { file: "cmdb.csv" })], "2026-11-01T00:00:00Z"), catalog);
    expect(devicesToReview(view.rows, view.installs)).toEqual([{ hostname: "dev-ws-7", products: ["Kaspersky Something New", "KasperskyLab open-source developer libraries (Kaspresso, Kaspirin, klogga)"] }]);
  });
});
