/**
 * Kaspersky Security Center's device list ("Export list" in the console): a `.csv` that is
 * really tab-delimited, en-US dates, "N minutes ago" for recent connections, a free-text
 * Description that may span lines, and the anti-virus database date that shows how stale
 * protection is.
 */
import { randomInt } from "../../../src/lib/engine/pick.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import { CsvWriter } from "../csv-writer.js";
import { ORGANISATION } from "../catalogue.js";
import type { Host } from "../organisation.js";
import { usDateTime, type See } from "./see.js";

export const FILE = "ksc-devices.csv";
export const FORMAT = "ksc-devices";

export const HEADERS = [
  "Name", "Operating system type", "Windows domain", "Network Agent is installed", "Network Agent is running",
  "Real-time protection", "Real-time protection status", "Last connected to Administration Server", "Protection last updated",
  "Status", "Status description", "Information last updated", "DNS domain", "Total number of threats detected",
  "Connection IP address", "Network Agent version", "Application version", "Anti-virus databases last updated", "Description",
  "Endpoint Sensor status", "Operating system release ID", "Name of virtual or secondary Administration Server", "Parent group", "Created",
] as const;

function relative(instant: string, now: string): string {
  const minutes = Math.round((Date.parse(now) - Date.parse(instant)) / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"} ago`;
}

export function kscDevices(hosts: readonly Host[], see: See, seed: number): string {
  const random = randomSource(seed ^ 0x6b7363);
  const csv = new CsvWriter({ delimiter: "\t", eol: "\r\n", bom: false });
  csv.row([...HEADERS]);
  const now = ORGANISATION.exportedAt;
  for (const host of hosts) {
    if (host.kscServer === null || host.kscLastConnected === null) continue;
    const agent = host.security.find((s) => s.title.catalogId === "network-agent");
    const av = host.security.find((s) => s.title.vendor === "Kaspersky" && s.title.hasSignatures);
    const ageMinutes = (Date.parse(now) - Date.parse(host.kscLastConnected)) / 60_000;
    const lastConnected = ageMinutes < 180 ? relative(host.kscLastConnected, now) : usDateTime(host.kscLastConnected);
    const basesAt = av?.signatureDate ? usDateTime(`${av.signatureDate}T0${randomInt(random, 0, 9)}:1${randomInt(random, 0, 9)}:00Z`) : "";
    const stale = av?.signatureDate ? Date.parse(now) - Date.parse(av.signatureDate) > 7 * 86_400_000 : false;
    const status = av === undefined ? "Warning" : stale ? "Critical" : "OK";
    const description = av === undefined ? "Security application is not installed" : stale ? "Anti-virus databases are out of date" : "";
    const unitGroup = `Managed devices/${host.device.site}/${host.device.businessUnit}`;
    const line = csv.row([
      host.netbios, host.os.name, host.os.family === "windows" ? "HALVORSEN" : "", "Yes", agent ? "Yes" : "No",
      av ? "Running" : "", av ? "Running" : "Not installed", lastConnected, basesAt,
      status, description, usDateTime(host.kscLastConnected), ORGANISATION.domain, randomInt(random, 0, 4),
      `10.${randomInt(random, 16, 31)}.${randomInt(random, 0, 255)}.${randomInt(random, 1, 254)}`, agent?.version ?? "", av?.version ?? "", basesAt, host.kscDescription,
      av ? "Running" : "", host.os.family === "windows" ? (host.os.version.endsWith("22631") ? "23H2" : "22H2") : "", host.kscServer === "KSC-NYC01" ? "" : host.kscServer, unitGroup, usDateTime("2021-06-01T12:00:00Z"),
    ]);
    if (agent) see(host, agent, FILE, line, FORMAT);
    if (av) see(host, av, FILE, line, FORMAT);
  }
  return csv.toString();
}
