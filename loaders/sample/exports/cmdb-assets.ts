/**
 * The organisation's asset register (CMDB) as a plain CSV: the only source that knows every
 * device's business unit, site, criticality and data classification. Its columns are the
 * organisation's own, so ingestion reads it through a declared column mapping.
 */
import { CsvWriter } from "../csv-writer.js";
import type { Host } from "../organisation.js";

export const FILE = "cmdb-assets.csv";
export const FORMAT = "generic-table";

const CLASSIFICATION = { public: "Public", internal: "Internal", confidential: "Confidential", restricted: "Restricted" } as const;

export function cmdbAssets(hosts: readonly Host[]): string {
  const csv = new CsvWriter({ delimiter: ",", eol: "\n", bom: false });
  csv.row(["Asset Name", "FQDN", "Device Class", "Operating System", "Ownership", "Business Unit", "Location", "Country", "Tier", "Internet Facing", "Data Classification", "Last Seen"]);
  for (const { device, os, fqdn } of hosts) {
    csv.row([
      device.hostname.toUpperCase(), fqdn, device.deviceType, os.name, device.ownership === "byod" ? "BYOD" : "Corporate", device.businessUnit,
      device.site, device.country, `Tier ${device.criticality}`, device.internetFacing ? "Y" : "N", CLASSIFICATION[device.dataSensitivity], device.lastSeen.slice(0, 10),
    ]);
  }
  return csv.toString();
}
