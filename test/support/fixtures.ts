/** Small hand-built records for model tests. */
import type { Catalog, Device, Install } from "../../src/lib/schema/index.js";

export function device(id: string, overrides: Partial<Device> = {}): Device {
  return {
    id,
    hostname: id,
    aliases: [],
    osFamily: "windows",
    osVersion: "10.0.22631",
    deviceType: "workstation",
    ownership: "corporate",
    businessUnit: "Finance",
    site: "New York HQ",
    country: "US",
    criticality: 3,
    internetFacing: false,
    dataSensitivity: "internal",
    lastSeen: "2026-11-01T00:00:00Z",
    ...overrides,
  };
}

export function install(deviceId: string, catalogId: string | null, overrides: Partial<Install> = {}): Install {
  return {
    deviceId,
    vendor: catalogId === null ? "Microsoft" : "Kaspersky",
    product: catalogId ?? "Microsoft Defender",
    catalogId,
    version: "1.0",
    installDate: null,
    signatureDate: null,
    evidence: [{ file: "test.csv", line: 2, format: "test" }],
    ...overrides,
  };
}

const source = [{ url: "https://example.org/source" }];

/** Products as data/catalogs/kaspersky.json has them: the Network Agent manages a device, it does not protect it (no signatures to freeze). */
export const TINY_CATALOG: Catalog = {
  vendor: "Kaspersky",
  description: "test catalog",
  replacements: [],
  vendorTokens: ["kaspersky", "kaspersky_lab"],
  queryTerms: ["kaspersky", "klnagent"],
  products: [
    { id: "kes-windows", name: "Kaspersky Endpoint Security for Windows", vendor: "Kaspersky", line: "business", platforms: ["windows"], coveredByUsProhibition: "yes", match: [{ field: "name", pattern: "^Kaspersky Endpoint Security( [\\d.]+)? for Windows$" }], sources: source },
    { id: "network-agent", name: "Network Agent", vendor: "Kaspersky", line: "business", platforms: ["windows", "linux"], coveredByUsProhibition: "yes", role: "management", match: [{ field: "name", pattern: "Network Agent$" }, { field: "package", pattern: "^klnagent(64)?$" }], sources: source },
    { id: "threat-intelligence", name: "Kaspersky Threat Intelligence", vendor: "Kaspersky", line: "service", platforms: ["saas"], coveredByUsProhibition: "no", match: [{ field: "name", pattern: "^Kaspersky Threat Intelligence" }], sources: source },
    { id: "kaspresso", name: "Kaspresso", vendor: "Kaspersky", line: "business", platforms: ["dev-library"], coveredByUsProhibition: "unclear", match: [{ field: "purl", pattern: "^pkg:maven/com\\.kaspersky\\." }], sources: source },
    { id: "kaspersky-other", name: "Other Kaspersky", vendor: "Kaspersky", line: "business", platforms: ["any"], coveredByUsProhibition: "unclear", match: [{ field: "publisher", pattern: "Kaspersky" }], sources: source },
  ],
};
