import type { Catalog } from "../schema/index.js";
import { lowerTerms } from "./terms.js";

/**
 * Kusto for Microsoft Defender Advanced Hunting and Sentinel: the software inventory rows whose
 * vendor or name holds a catalog term, with each device's machine group from its latest
 * DeviceInfo record. The result keeps DeviceTvmSoftwareInventory's column names, so its CSV
 * export reads as a Defender software inventory.
 */
export function kqlQuery(catalog: Pick<Catalog, "vendor" | "queryTerms">, name: string): string {
  // Kusto lowers any script, so lower-case terms suffice; none holds a regex metacharacter but "-", escaped.
  const pattern = lowerTerms(catalog).map((t) => t.replaceAll("-", "\\-")).join("|");
  return [
    `// Offramp: ${catalog.vendor} software by the "${name}" catalog's terms (a superset; offramp ingest decides).`,
    "// Run in Defender Advanced Hunting or Sentinel; export the result as CSV and give it to offramp ingest.",
    `let pattern = @"(${pattern})";`,
    "let groups = DeviceInfo",
    "    | summarize arg_max(Timestamp, MachineGroup) by DeviceId",
    "    | project DeviceId, MachineGroup;",
    "DeviceTvmSoftwareInventory",
    "| where tolower(strcat(SoftwareVendor, \" \", SoftwareName)) matches regex pattern",
    "| join kind=leftouter groups on DeviceId",
    "| project DeviceId, DeviceName, OSPlatform, OSVersion, OSArchitecture, SoftwareVendor, SoftwareName, SoftwareVersion, EndOfSupportStatus, ProductCodeCpe, MachineGroup",
  ].join("\n");
}
