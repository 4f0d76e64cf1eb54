import { Columns, field } from "../headers.js";
import { osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type DeviceObservation } from "../types.js";
import type { TableFormat } from "./format.js";

const SIGNATURE = ["DeviceId", "DeviceName", "OSPlatform", "SoftwareVendor", "SoftwareName", "SoftwareVersion"];

/** The columns the reader uses, by their spellings in Advanced Hunting and the portal's export. */
function columnsOf(c: Columns) {
  return {
    deviceId: c.find("DeviceId", "Device Id", "Machine Id"),
    deviceName: c.require("DeviceName", "Device name", "Computer name"),
    platform: c.find("OSPlatform", "OS platform"),
    osVersion: c.find("OSVersion", "OS version"),
    vendor: c.find("SoftwareVendor", "Vendor"),
    name: c.require("SoftwareName", "Software name", "Name"),
    version: c.find("SoftwareVersion", "Version"),
    cpe: c.find("ProductCodeCpe", "CPE"),
    firstSeen: c.find("softwareFirstSeenTimestamp", "First seen"),
  };
}

/**
 * Microsoft Defender Vulnerability Management software inventory: the Advanced Hunting
 * `DeviceTvmSoftwareInventory` table (and its Sentinel copy), or the portal's CSV export, whose
 * headers are spelled with spaces ("Device name", "Software vendor"…).
 */
export const defenderTvm: TableFormat = {
  id: "defender-tvm",
  label: "Microsoft Defender software inventory",
  input: "table",
  detect: (headers) => {
    const columns = new Columns(headers);
    return columns.share(SIGNATURE) >= 0.8 ? 0.95 : columns.share(["SoftwareName", "SoftwareVendor", "DeviceName"]) === 1 ? 0.7 : 0;
  },
  runs(headers) {
    const { deviceId, deviceName, name } = columnsOf(new Columns(headers));
    return { device: [deviceId, deviceName].filter((i) => i >= 0), required: [deviceName, name] };
  },
  open(headers, context) {
    const c = new Columns(headers);
    const { deviceId, deviceName, platform, osVersion, vendor, name, version, cpe, firstSeen } = columnsOf(c);
    // Rows come grouped by device: one observation serves a device's consecutive rows.
    let current: DeviceObservation | null = null;
    // The id as the row spells it, so a device's next row is recognised without building its key again.
    let currentId: string | undefined;
    return (fields, line) => {
      const host = field(fields, deviceName);
      if (!host) return rejected(line, c.name(deviceName), "no device name");
      const software = field(fields, name);
      if (!software) return rejected(line, c.name(name), "no software name");
      const id = field(fields, deviceId);
      if (!current || current.names[0] !== host || (id !== undefined && id !== currentId)) {
        const os = field(fields, platform);
        currentId = id;
        current = { names: [host], ids: id ? [`defender:${id.toLowerCase()}`] : [], osFamily: os ? osFamilyFromPlatform(os) : undefined, osVersion: field(fields, osVersion), origin: { file: context.file, line } };
      }
      const cpeValue = field(fields, cpe);
      return accepted(line, [current], [
        { device: current, name: software, vendor: field(fields, vendor), version: field(fields, version), cpe: cpeValue && cpeValue !== "Not available" ? cpeValue : undefined, installDate: field(fields, firstSeen)?.slice(0, 10) ?? null, origin: { file: context.file, line } },
      ]);
    };
  },
};
