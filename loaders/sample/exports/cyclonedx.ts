/**
 * A CycloneDX 1.6 SBOM for the mail-gateway appliance. Its vendor ships the anti-virus engine
 * under its own name; Kaspersky appears only as the engine's pedigree ancestor and supplier,
 * which is how white-label engines show up in practice.
 */
import type { Host } from "../organisation.js";
import type { See } from "./see.js";

export const FILE = "mail-gateway.cdx.json";
export const FORMAT = "cyclonedx";

export function cyclonedx(host: Host, see: See): string {
  const engine = host.security.find((s) => s.title.catalogId === "kav-sdk");
  if (!engine) throw new Error(`${host.device.hostname} has no embedded engine to describe`);
  const bom = {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
    version: 1,
    metadata: {
      timestamp: "2026-10-15T00:00:00Z",
      component: { type: "device", "bom-ref": "appliance", name: "Northgate MX-400 Mail Security Gateway", version: "7.2.1", supplier: { name: "Northgate Mail Systems" } },
    },
    components: [
      { type: "operating-system", "bom-ref": "os", name: "Northgate OS", version: "7.2.1", supplier: { name: "Northgate Mail Systems" } },
      { type: "library", "bom-ref": "openssl", name: "openssl", version: "3.0.13", purl: "pkg:generic/openssl@3.0.13" },
      {
        type: "library",
        "bom-ref": "av-engine",
        name: "NG Shield Anti-Virus Engine",
        version: "4.1",
        supplier: { name: "Northgate Mail Systems" },
        pedigree: {
          ancestors: [{ type: "library", name: engine.title.name, version: engine.version, supplier: { name: engine.title.publisher }, purl: `pkg:generic/kaspersky/anti-virus-sdk@${engine.version}` }],
          notes: "Licensed OEM engine; signatures delivered through the gateway's update service.",
        },
      },
      { type: "data", "bom-ref": "av-signatures", name: "NG Shield signature bundle", version: "2024-09-28" },
    ],
  };
  const text = JSON.stringify(bom, null, 2) + "\n";
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes(`"name": "${engine.title.name}"`)) + 1;
  see(host, engine, FILE, line, FORMAT);
  return text;
}
