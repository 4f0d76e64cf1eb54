import type { DeviceType } from "../../schema/index.js";
import { parseDate } from "../dates.js";
import { Columns, field } from "../headers.js";
import { osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type DeviceObservation } from "../types.js";
import type { TableFormat } from "./format.js";

/** Defender device ids as every Defender reader writes them, so the sources merge. */
export const defenderDeviceId = (id: string): string => `defender:${id.trim().toLowerCase()}`;

/** A Defender device group, or undefined for the default group (it says nothing about the business). */
export function defenderGroup(name: string | undefined): string | undefined {
  if (!name || /^(unassignedgroup|unassigned|ungrouped devices( \(default\))?)$/i.test(name)) return undefined;
  return name;
}

/** `DeviceType` values (and `DeviceCategory` as a fallback), compared without spaces or case. */
// A Map, not an object: a cell reading "constructor" must find nothing.
const DEVICE_TYPES = new Map<string, DeviceType>(Object.entries({
  workstation: "workstation",
  desktop: "workstation",
  laptop: "workstation",
  server: "server",
  mobile: "mobile",
  smartphone: "mobile",
  tablet: "mobile",
  networkdevice: "appliance",
  printer: "appliance",
  iot: "appliance",
  camera: "appliance",
  audioandvideo: "appliance",
  communication: "appliance",
  smartappliance: "appliance",
  plc: "ot",
  hmi: "ot",
  historian: "ot",
  engineeringstation: "ot",
}));

/** The model's device type for a Defender type; unknown or "Unknown" leaves it to other sources. */
export function defenderDeviceType(type: string | undefined, category?: string): DeviceType | undefined {
  const key = (text: string | undefined) => text?.toLowerCase().replace(/[\s_-]+/g, "");
  return DEVICE_TYPES.get(key(type) ?? "") ?? DEVICE_TYPES.get(key(category) ?? "");
}

/**
 * Defender's AssetValue (Low, Normal, High) as a criticality tier (1 most critical, 4 least).
 * "High" is tier 2, not 1: Defender has one "high" level that admins set on any important
 * machine, while tier 1 means crown jewels. "Normal" is every machine's default and says
 * nothing, so it is left for an asset register to fill.
 */
export function criticalityFromAssetValue(value: string | undefined): number | undefined {
  const v = value?.toLowerCase();
  return v === "high" ? 2 : v === "low" ? 4 : undefined;
}

/** A boolean as exports write it; undefined when empty, null when unreadable. */
export function readBoolean(value: string | undefined): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  return null;
}

/** Windows reports OSVersion "10.0" and the build apart; together they say which release it is. */
function osVersionOf(platform: string | undefined, version: string | undefined, build: string | undefined): string | undefined {
  if (version && build && /^\d+$/.test(build) && /^\d+\.\d+$/.test(version) && /windows/i.test(platform ?? "")) return `${version}.${build}`;
  return version;
}

const SIGNATURE = ["Timestamp", "DeviceId", "DeviceName", "OSPlatform", "OnboardingStatus", "MachineGroup", "ClientVersion", "IsInternetFacing", "ExposureLevel", "AssetValue"];

/**
 * Defender for Endpoint's Advanced Hunting `DeviceInfo` table (or its Sentinel copy): a heartbeat
 * stream with several rows per DeviceId. Every row is accepted and gives the device as it was at
 * that Timestamp; merging the observations of one device keeps the latest last-seen and fills
 * what a row leaves empty. Devices Defender only discovered ("Can be onboarded") are kept: a
 * machine still running Kaspersky is often exactly the one never onboarded.
 */
export const defenderDeviceInfo: TableFormat = {
  id: "defender-deviceinfo",
  label: "Microsoft Defender device information",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    if (c.find("DeviceId") < 0 || c.find("DeviceName") < 0 || c.find("SoftwareName") >= 0) return 0;
    const share = c.share(SIGNATURE);
    return share >= 0.6 ? 0.95 : share >= 0.4 ? 0.7 : 0;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const deviceName = c.require("DeviceName");
    const deviceId = c.find("DeviceId");
    const timestamp = c.find("Timestamp", "TimeGenerated");
    const platform = c.find("OSPlatform");
    const osVersion = c.find("OSVersion");
    const osBuild = c.find("OSBuild");
    const deviceType = c.find("DeviceType");
    const category = c.find("DeviceCategory");
    const internet = c.find("IsInternetFacing");
    const group = c.find("MachineGroup");
    const assetValue = c.find("AssetValue");
    return (fields, line) => {
      const host = field(fields, deviceName);
      if (!host) return rejected(line, c.name(deviceName), "no device name");
      const rawTime = field(fields, timestamp);
      const time = parseDate(rawTime);
      if (rawTime && !time) return rejected(line, c.name(timestamp), `unreadable date "${rawTime}"`);
      const facing = readBoolean(field(fields, internet));
      if (facing === null) return rejected(line, c.name(internet), `"${field(fields, internet)}" is not true or false`);
      const id = field(fields, deviceId);
      const os = field(fields, platform);
      const device: DeviceObservation = {
        names: [host],
        ids: id ? [defenderDeviceId(id)] : [],
        osFamily: os ? osFamilyFromPlatform(os) : undefined,
        osVersion: osVersionOf(os, field(fields, osVersion), field(fields, osBuild)),
        deviceType: defenderDeviceType(field(fields, deviceType), field(fields, category)),
        businessUnit: defenderGroup(field(fields, group)),
        criticality: criticalityFromAssetValue(field(fields, assetValue)),
        internetFacing: facing,
        lastSeen: time?.instant,
        origin: { file: context.file, line },
      };
      return accepted(line, [device]);
    };
  },
};
