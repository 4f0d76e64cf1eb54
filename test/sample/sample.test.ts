import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse, dsvFormat } from "d3";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { buildSample, DEFAULT_SEED } from "../../loaders/sample/build.js";
import { Device, Install } from "../../src/lib/schema/index.js";

const sample = buildSample(DEFAULT_SEED);
const file = (path: string) => sample.files.get(path)!;
const lines = (path: string) => file(path).replace(/^\uFEFF/, "").split(/\r?\n/);

describe("the sample organisation generator", () => {
  it("is deterministic: the same seed gives the same bytes, another seed another organisation", () => {
    const again = buildSample(DEFAULT_SEED);
    for (const [path, content] of sample.files) expect(again.files.get(path) === content, path).toBe(true);
    expect(buildSample(7).files.get("truth/devices.json")).not.toBe(file("truth/devices.json"));
  });

  it("matches what is committed in data/sample (run `npm run sample` after changing the generator)", () => {
    for (const [path, content] of sample.files) {
      expect(readFileSync(join(DATA_DIR, "sample", path), "utf8") === content, `data/sample/${path} is stale`).toBe(true);
    }
  });

  it("writes ground truth that passes the canonical schemas", () => {
    expect(() => z.array(Device).parse(JSON.parse(file("truth/devices.json")))).not.toThrow();
    expect(() => z.array(Install).parse(JSON.parse(file("truth/installs.json")))).not.toThrow();
  });
});

describe("the sample organisation", () => {
  const { devices, installs, manifest } = sample;
  const kasperskyDevices = new Set(installs.filter((i) => i.vendor === "Kaspersky").map((i) => i.deviceId));

  it("is a mid-size company of about 4,000 devices in 5 business units and 8 sites, one in Germany and one in Canada", () => {
    expect(devices.length).toBeGreaterThan(3800);
    expect(devices.length).toBeLessThan(4200);
    expect(new Set(devices.map((d) => d.businessUnit)).size).toBe(5);
    expect(new Set(devices.map((d) => d.site)).size).toBe(8);
    const countries = new Map<string, Set<string>>();
    for (const d of devices) countries.set(d.country, (countries.get(d.country) ?? new Set()).add(d.site));
    expect(countries.get("DE")?.size).toBe(1);
    expect(countries.get("CA")?.size).toBe(1);
    expect(new Set(devices.map((d) => d.id)).size).toBe(devices.length);
  });

  it("mixes Windows, macOS and Linux workstations and servers, with VDI, mobile and OT devices", () => {
    const kinds = new Set(devices.map((d) => `${d.deviceType}/${d.osFamily}`));
    for (const kind of ["workstation/windows", "workstation/macos", "workstation/linux", "server/windows", "server/linux", "vdi/windows", "ot/windows", "appliance/embedded"]) expect(kinds).toContain(kind);
    expect([...kinds].some((k) => k.startsWith("mobile/"))).toBe(true);
  });

  it("has about 30% of devices running Kaspersky, as its manifest says", () => {
    expect(manifest.kasperskyDevices).toBe(kasperskyDevices.size);
    const share = kasperskyDevices.size / devices.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it("runs the expected Kaspersky products: endpoint, Network Agent, server, mail, console, consumer, and one OEM engine", () => {
    const products = new Set(installs.map((i) => i.catalogId));
    for (const id of ["kes-windows", "kes-mac", "kes-linux", "network-agent", "ksws", "ks-exchange", "ksc-server", "kav-sdk"]) expect(products).toContain(id);
    expect(products.has("kis") || products.has("kaspersky-consumer")).toBe(true);
    expect(installs.filter((i) => i.catalogId === "kav-sdk")).toHaveLength(1);
    const consumerOn = installs.filter((i) => i.catalogId === "kis" || i.catalogId === "kaspersky-consumer").map((i) => devices.find((d) => d.id === i.deviceId)!.ownership);
    expect(new Set(consumerOn)).toEqual(new Set(["byod"]));
  });

  it("has signatures frozen at the September 2024 cutoff in the US, and still updating in Hamburg and Toronto", () => {
    const byId = new Map(devices.map((d) => [d.id, d]));
    const signed = installs.filter((i) => i.signatureDate !== null);
    const us = signed.filter((i) => byId.get(i.deviceId)!.country === "US");
    const abroad = signed.filter((i) => byId.get(i.deviceId)!.country !== "US");
    expect(us.length).toBeGreaterThan(300);
    expect(us.every((i) => i.signatureDate! <= "2024-09-29")).toBe(true);
    expect(us.filter((i) => i.signatureDate! >= "2024-09-26").length / us.length).toBeGreaterThan(0.7);
    expect(abroad.filter((i) => i.signatureDate! > "2026-10-01").length / abroad.length).toBeGreaterThan(0.8);
  });

  it("includes devices already migrated off Kaspersky, some with a Network Agent left behind", () => {
    const replacements = new Set(installs.filter((i) => i.vendor !== "Kaspersky").map((i) => i.deviceId));
    const leftovers = [...replacements].filter((id) => kasperskyDevices.has(id));
    expect(replacements.size).toBeGreaterThan(100);
    expect(leftovers.length).toBeGreaterThan(0);
    for (const id of leftovers) expect(installs.filter((i) => i.deviceId === id && i.vendor === "Kaspersky").map((i) => i.catalogId)).toEqual(["network-agent"]);
  });
});

describe("the sample organisation's exports", () => {
  it("point each install's evidence at a line of the export that names the product", () => {
    const cache = new Map<string, string[]>();
    for (const install of sample.installs) {
      for (const { file: path, line } of install.evidence) {
        const text = cache.get(path) ?? lines(path);
        cache.set(path, text);
        const record = text[line - 1]!;
        const names = [install.product, install.version];
        expect(names.some((n) => record.includes(n)), `${path}:${line} for ${install.product}`).toBe(true);
      }
    }
  });

  it("Defender: UTF-8 with a byte-order mark, CRLF line ends, FQDN device names, lower-case tokens", () => {
    const text = file("exports/defender-tvm-software-inventory.csv");
    expect(text.startsWith("\uFEFFDeviceId,DeviceName,OSPlatform")).toBe(true);
    expect(text.split("\n").slice(0, -1).every((l) => l.endsWith("\r"))).toBe(true);
    const rows = csvParse(text.slice(1));
    const kaspersky = rows.filter((r) => r.SoftwareVendor!.startsWith("kaspersky"));
    expect(kaspersky.length).toBeGreaterThan(500);
    expect(kaspersky.every((r) => r.DeviceName!.endsWith(".corp.halvorsen.example") && r.SoftwareName === r.SoftwareName!.toLowerCase())).toBe(true);
  });

  it("MECM: capital NetBIOS names, yyyymmdd install dates, 32- and 64-bit duplicates and a localised Cyrillic title", () => {
    const rows = csvParse(file("exports/mecm-add-remove-programs.csv").slice(1));
    expect(rows.every((r) => r.Name0 === r.Name0!.toUpperCase())).toBe(true);
    expect(rows.some((r) => /^\d{8}$/.test(r.InstallDate0!))).toBe(true);
    expect(rows.some((r) => r.InstallDate0 === "")).toBe(true);
    const kes = rows.filter((r) => r.DisplayName0!.startsWith("Kaspersky Endpoint Security"));
    const keys = kes.map((r) => `${r.ResourceID}|${r.DisplayName0}|${r.Version0}`);
    expect(new Set(keys).size).toBe(keys.length / 2);
    expect(rows.some((r) => r.Publisher0 === "АО «Лаборатория Касперского»")).toBe(true);
  });

  it("Kaspersky Security Center: a .csv that is tab-delimited, with multi-line descriptions and relative times", () => {
    const text = file("exports/ksc-devices.csv");
    const rows = dsvFormat("\t").parse(text);
    expect(rows.columns).toContain("Anti-virus databases last updated");
    expect(rows.some((r) => r.Description!.includes("\n"))).toBe(true);
    expect(rows.some((r) => / (minute|hour)s? ago$/.test(r["Last connected to Administration Server"]!))).toBe(true);
    expect(rows.length).toBeLessThan(text.split("\n").length - 1);
  });

  it("CycloneDX: the appliance's engine is Kaspersky only by pedigree", () => {
    const bom = JSON.parse(file("exports/mail-gateway.cdx.json"));
    expect(bom.specVersion).toBe("1.6");
    const engine = bom.components.find((c: { "bom-ref": string }) => c["bom-ref"] === "av-engine");
    expect(engine.name).not.toMatch(/kaspersky/i);
    expect(engine.pedigree.ancestors[0].supplier.name).toBe("AO Kaspersky Lab");
  });
});
