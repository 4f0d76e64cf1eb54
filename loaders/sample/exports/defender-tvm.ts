/**
 * Microsoft Defender Vulnerability Management software inventory, as exported from
 * Advanced Hunting (`DeviceTvmSoftwareInventory`): UTF-8 with a byte-order mark, CRLF,
 * lower-case CPE-style vendor and product tokens, FQDN device names, one row per
 * device, vendor, product and version.
 */
import { CsvWriter } from "../csv-writer.js";
import type { Host } from "../organisation.js";
import type { See } from "./see.js";

export const FILE = "defender-tvm-software-inventory.csv";
export const FORMAT = "defender-tvm";

export function defenderTvm(hosts: readonly Host[], see: See): string {
  const csv = new CsvWriter({ delimiter: ",", eol: "\r\n", bom: true });
  csv.row(["DeviceId", "DeviceName", "OSPlatform", "OSVersion", "OSArchitecture", "SoftwareVendor", "SoftwareName", "SoftwareVersion", "EndOfSupportStatus", "EndOfSupportDate", "ProductCodeCpe"]);
  for (const host of hosts) {
    if (!host.inDefender) continue;
    const base = [host.defenderId, host.fqdn, host.os.defenderPlatform, host.os.version, host.os.family === "macos" ? "arm64" : "x64"];
    const osToken = host.os.family === "windows" ? ["microsoft", host.os.defenderPlatform.toLowerCase().replace(/^windows(server)?/, (_, s) => (s ? "windows_server_" : "windows_"))] : null;
    if (osToken) csv.row([...base, osToken[0]!, osToken[1]!, host.os.version, "", "", `cpe:2.3:o:${osToken[0]}:${osToken[1]}:-:*:*:*:*:*:*:*`]);
    for (const app of host.apps) csv.row([...base, app.defenderVendor, app.defenderName, app.version, "", "", `cpe:2.3:a:${app.defenderVendor}:${app.defenderName}:${app.version}:*:*:*:*:*:*:*`]);
    for (const install of host.security) {
      const t = install.title;
      const cpe = t.defenderVendor === "kaspersky_lab" ? "Not available" : `cpe:2.3:a:${t.defenderVendor}:${t.defenderName}:${install.version}:*:*:*:*:*:*:*`;
      const line = csv.row([...base, t.defenderVendor, t.defenderName, install.version, "", "", cpe]);
      see(host, install, FILE, line, FORMAT);
    }
  }
  return csv.toString();
}
