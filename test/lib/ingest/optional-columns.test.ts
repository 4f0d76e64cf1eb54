/**
 * Every source, with and without its optional columns (issue 16): the same device runs the same
 * catalog products whether the export carries publishers, versions, CPEs and platforms or only
 * the columns a reader needs. Full exports are detected; minimal ones are read with --format.
 */
import { describe, expect, it } from "vitest";
import { readInput } from "../../support/ingest.js";

const KES = "Kaspersky Endpoint Security for Windows";
const AGENT = "Kaspersky Security Center Network Agent";
const osqueryLine = (columns: Record<string, string>) => JSON.stringify({ name: "pack_inventory_programs", hostIdentifier: "fin-ws-0101.corp.example.com", unixTime: 1790928847, action: "added", columns });
const component = (extra: Record<string, unknown>) => ({ type: "application", name: KES, ...extra });
const bom = (components: unknown[]) => JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", metadata: { component: { type: "device", name: "fin-ws-0101" } }, components });

const SOURCES: { format: string; file: string; full: string; minimal: string; products: string[] }[] = [
  {
    format: "defender-tvm",
    file: "tvm.csv",
    full: `DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,ProductCodeCpe\nd1,fin-ws-0101.corp.example.com,Windows11,10.0,x64,kaspersky,endpoint_security,12.1,,cpe:2.3:a:kaspersky:endpoint_security:12.1:*:*:*:*:*:*:*\nd1,fin-ws-0101.corp.example.com,Windows11,10.0,x64,kaspersky_lab,kaspersky_security_center_network_agent,14.0,,Not available\n`,
    minimal: `DeviceName,SoftwareVendor,SoftwareName\nfin-ws-0101.corp.example.com,kaspersky,endpoint_security\nfin-ws-0101.corp.example.com,kaspersky_lab,kaspersky_security_center_network_agent\n`,
    products: ["kes-windows", "network-agent"],
  },
  {
    format: "intune-apps",
    file: "intune.csv",
    full: `ApplicationKey,ApplicationName,ApplicationPublisher,ApplicationShortVersion,ApplicationVersion,DeviceId,DeviceName,OSDescription,OSVersion,Platform\nk1,${KES},AO Kaspersky Lab,11.11,11.11.0.452,6f0c,FIN-WS-0101,Windows 11 Pro,10.0,Windows\nk2,${AGENT},AO Kaspersky Lab,14.0,14.0.0.10902,6f0c,FIN-WS-0101,Windows 11 Pro,10.0,Windows\n`,
    minimal: `ApplicationName,DeviceName\n${KES},FIN-WS-0101\n${AGENT},FIN-WS-0101\n`,
    products: ["kes-windows", "network-agent"],
  },
  {
    format: "mecm-arp",
    file: "arp.csv",
    full: `ResourceID,Netbios_Name0,DisplayName0,Version0,Publisher0,InstallDate0\n1,FIN-WS-0101,${KES},11.11.0.452,AO Kaspersky Lab,20230412\n1,FIN-WS-0101,${AGENT},14.0.0.10902,AO Kaspersky Lab,20230412\n`,
    minimal: `Netbios_Name0,DisplayName0\nFIN-WS-0101,${KES}\nFIN-WS-0101,${AGENT}\n`,
    products: ["kes-windows", "network-agent"],
  },
  {
    format: "mecm-installed-software",
    file: "installed.csv",
    full: `ResourceID,Netbios_Name0,ARPDisplayName0,ProductName0,ProductVersion0,Publisher0,InstallDate0\n1,FIN-WS-0101,${KES},${KES},11.11.0.452,AO Kaspersky Lab,2023-04-12 00:00:00.000\n`,
    minimal: `Netbios_Name0,ProductName0\nFIN-WS-0101,${KES}\n`,
    products: ["kes-windows"],
  },
  {
    format: "osquery",
    file: "osquery.log",
    full: `${osqueryLine({ name: KES, version: "11.11.0.452", publisher: "AO Kaspersky Lab", install_location: "C:\\\\Program Files (x86)\\\\Kaspersky Lab\\\\KES.11.11.0\\\\" })}\n`,
    minimal: `${osqueryLine({ name: KES })}\n`,
    products: ["kes-windows"],
  },
  {
    format: "cyclonedx",
    file: "bom.cdx.json",
    full: bom([component({ version: "12.1", publisher: "AO Kaspersky Lab", purl: "pkg:generic/kaspersky/kes@12.1", cpe: "cpe:2.3:a:kaspersky:endpoint_security:12.1:*:*:*:*:*:*:*" })]),
    minimal: bom([component({})]),
    products: ["kes-windows"],
  },
  {
    format: "generic-table",
    file: "cmdb.csv",
    full: `Hostname,Business Unit,Software,Publisher,Version,Signature date\nfin-ws-0101,Finance,${KES},AO Kaspersky Lab,11.11,2024-09-28\n`,
    minimal: `Hostname,Software\nfin-ws-0101,${KES}\n`,
    products: ["kes-windows"],
  },
];

describe("each source with and without its optional columns", () => {
  for (const s of SOURCES) {
    it(`${s.format}: the same device runs ${s.products.join(" and ")} either way`, () => {
      const full = readInput(s.full, { file: s.file });
      const minimal = readInput(s.minimal, { file: s.file, format: s.format });
      expect(full.report.format).toBe(s.format);
      for (const result of [full, minimal]) {
        expect(result.report.fatal).toBeNull();
        expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
        expect(result.report.rejected).toBe(0);
        expect([...new Set(result.software.map((m) => m.product.id))].sort()).toEqual(s.products);
        expect(result.devices.length).toBe(1);
      }
    });
  }
});
