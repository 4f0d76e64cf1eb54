import { parseDate } from "../dates.js";
import { osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type RowOutcome } from "../types.js";
import { defenderDeviceId, defenderGroup } from "./defender-deviceinfo.js";
import type { JsonLinesFormat } from "./format.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** A trimmed, non-empty string property (numbers are written out), else undefined. */
function text(record: Json, key: string): string | undefined {
  const value = record[key];
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** The first non-empty string of an array property (diskPaths, registryPaths). */
function firstOf(record: Json, key: string): string | undefined {
  const value = record[key];
  if (!Array.isArray(value)) return undefined;
  return value.find((v): v is string => typeof v === "string" && v.trim() !== "")?.trim();
}

/** One line of the export: a device, and one piece of software on it. */
function readLine(value: unknown, line: number, file: string): RowOutcome {
  if (!isObject(value)) return rejected(line, null, "not a JSON object");
  const host = text(value, "deviceName");
  if (!host) return rejected(line, "deviceName", "no device name");
  const name = text(value, "softwareName");
  if (!name) return rejected(line, "softwareName", "no software name");
  const rawSeen = text(value, "softwareFirstSeenTimestamp");
  const firstSeen = parseDate(rawSeen);
  if (rawSeen && !firstSeen) return rejected(line, "softwareFirstSeenTimestamp", `unreadable date "${rawSeen}"`);
  const id = text(value, "deviceId");
  const device = { names: [host], ids: id ? [defenderDeviceId(id)] : [] };
  const platform = text(value, "osPlatform");
  const cpe = text(value, "productCodeCpe");
  const origin = { file, line };
  return accepted(
    line,
    [{ ...device, osFamily: platform ? osFamilyFromPlatform(platform) : undefined, osVersion: text(value, "osVersion"), businessUnit: defenderGroup(text(value, "rbacGroupName")), origin }],
    [{ device, name, vendor: text(value, "softwareVendor"), version: text(value, "softwareVersion"), cpe: cpe && cpe !== "Not available" ? cpe : undefined, path: firstOf(value, "diskPaths"), installDate: firstSeen?.date ?? null, origin }],
  );
}

/**
 * Defender Vulnerability Management's export API (`/SoftwareInventoryExport` files, once
 * un-gzipped, and `/SoftwareInventoryByMachine` pages written one record per line): camelCase
 * JSON lines, one per device and software, with the same device ids as the Advanced Hunting
 * table. The first disk path is kept as the install path: it names "Kaspersky Lab" folders even
 * when the software title is a bare token. softwareFirstSeenTimestamp ("2020-12-30 11:07:15",
 * no zone) is when Defender first saw the software, the nearest it has to an install date.
 */
export const defenderTvmExport: JsonLinesFormat = {
  id: "defender-tvm-export",
  label: "Microsoft Defender software inventory export (JSON lines)",
  input: "json-lines",
  detect: (first) => {
    if (!isObject(first) || !("softwareName" in first)) return 0;
    return "deviceId" in first || "deviceName" in first ? 0.95 : "softwareVendor" in first ? 0.6 : 0;
  },
  open(context) {
    return {
      line: (value, line) => readLine(value, line, context.file),
      finish: () => [],
    };
  },
};
