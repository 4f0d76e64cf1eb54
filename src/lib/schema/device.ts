import { z } from "zod";
import { CountryCode, IsoDateTime } from "./common.js";

export const OsFamily = z.enum(["windows", "macos", "linux", "ios", "android", "embedded", "other"]);
export type OsFamily = z.infer<typeof OsFamily>;

export const DeviceType = z.enum(["workstation", "server", "vdi", "mobile", "ot", "appliance"]);
export type DeviceType = z.infer<typeof DeviceType>;

/** 1 is most critical (crown jewels), 4 least. */
export const CriticalityTier = z.number().int().min(1).max(4);
export type CriticalityTier = z.infer<typeof CriticalityTier>;

export const DataSensitivity = z.enum(["public", "internal", "confidential", "restricted"]);
export type DataSensitivity = z.infer<typeof DataSensitivity>;

export const Ownership = z.enum(["corporate", "byod"]);
export type Ownership = z.infer<typeof Ownership>;

/** One machine, however many inventory sources saw it. */
export const Device = z.object({
  /** Stable id: the same machine keeps it across exports and runs. */
  id: z.string().min(1),
  /** Short host name, lower case, no domain. */
  hostname: z.string().min(1),
  /** Other names the machine is known by: FQDN, NetBIOS, source device ids. */
  aliases: z.array(z.string().min(1)),
  osFamily: OsFamily,
  osVersion: z.string(),
  deviceType: DeviceType,
  ownership: Ownership,
  businessUnit: z.string().min(1),
  site: z.string().min(1),
  country: CountryCode,
  criticality: CriticalityTier,
  internetFacing: z.boolean(),
  dataSensitivity: DataSensitivity,
  lastSeen: IsoDateTime,
});
export type Device = z.infer<typeof Device>;
