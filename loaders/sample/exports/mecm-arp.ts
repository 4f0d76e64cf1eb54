/**
 * Configuration Manager Add/Remove Programs, exported from a query that unions
 * `v_GS_ADD_REMOVE_PROGRAMS` and `v_GS_ADD_REMOVE_PROGRAMS_64` and joins `v_R_System`:
 * UTF-8 with a byte-order mark, CRLF, NetBIOS names in capitals, InstallDate0 as the raw
 * registry string (`yyyymmdd`, blank, or now and then `M/d/yyyy`), and products that register
 * in both views listed twice.
 */
import { chance } from "../../../src/lib/engine/pick.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import { CsvWriter } from "../csv-writer.js";
import type { Host } from "../organisation.js";
import { compactDate, usDateTime, type See } from "./see.js";

export const FILE = "mecm-add-remove-programs.csv";
export const FORMAT = "mecm-arp";

function guid(seedText: string): string {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const random = randomSource(h);
  const part = (n: number) => Array.from({ length: n }, () => "0123456789ABCDEF"[Math.floor(random() * 16)]).join("");
  return `{${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}}`;
}

export function mecmArp(hosts: readonly Host[], see: See, seed: number): string {
  const random = randomSource(seed ^ 0x6d65636d);
  const csv = new CsvWriter({ delimiter: ",", eol: "\r\n", bom: true });
  csv.row(["ResourceID", "Name0", "Netbios_Name0", "DisplayName0", "Version0", "Publisher0", "InstallDate0", "ProdID0", "TimeStamp", "View"]);
  for (const host of hosts) {
    if (!host.inMecm) continue;
    const stamp = usDateTime(host.device.lastSeen);
    const rawDate = (iso: string | null) => (iso === null ? "" : chance(random, 0.92) ? compactDate(iso) : usDateTime(`${iso}T00:00:00Z`).split(" ")[0]!);
    for (const app of host.apps) {
      csv.row([host.mecmResourceId, host.netbios, host.netbios, app.name, app.version, app.publisher, rawDate("2023-05-17"), guid(app.name + app.version), stamp, "64"]);
    }
    for (const install of host.security) {
      const t = install.title;
      const views = t.arpBothViews ? ["32", "64"] : [install.key === "networkAgent" ? "32" : "64"];
      for (const view of views) {
        const line = csv.row([host.mecmResourceId, host.netbios, host.netbios, t.name, install.version, t.publisher, rawDate(install.installDate), guid(t.name + install.version), stamp, view]);
        see(host, install, FILE, line, FORMAT);
      }
    }
  }
  return csv.toString();
}
