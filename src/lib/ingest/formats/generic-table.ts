import { parseDate } from "../dates.js";
import { Columns, field } from "../headers.js";
import { osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type DeviceObservation, type SoftwareObservation } from "../types.js";
import { FormatError, type TableFormat } from "./format.js";
import type { DataSensitivity, DeviceType } from "../../schema/index.js";

/**
 * The canonical fields a generic table can fill, each with the header names that map to it
 * when the user declares no mapping. A declared mapping (field → header) always wins.
 */
export const GENERIC_FIELDS = {
  hostname: ["hostname", "host name", "asset name", "device name", "computer name", "machine name", "name", "devicename", "computer"],
  fqdn: ["fqdn", "dns name", "fully qualified domain name"],
  deviceId: ["device id", "asset id", "asset tag", "serial number"],
  os: ["operating system", "os", "os name", "platform"],
  osVersion: ["os version", "operating system version"],
  deviceType: ["device class", "device type", "asset type", "class", "type"],
  ownership: ["ownership", "owned by", "owner type"],
  businessUnit: ["business unit", "bu", "division", "department"],
  site: ["location", "site", "office"],
  country: ["country", "country code"],
  criticality: ["tier", "criticality", "criticality tier", "business criticality"],
  internetFacing: ["internet facing", "internet-facing", "external", "dmz"],
  dataSensitivity: ["data classification", "data sensitivity", "classification"],
  lastSeen: ["last seen", "last contact", "lastseen"],
  software: ["software", "software name", "product", "application", "application name", "display name", "program"],
  publisher: ["publisher", "vendor", "manufacturer"],
  version: ["version", "software version", "product version"],
  installDate: ["install date", "installed on", "installation date"],
  signatureDate: ["signature date", "definitions date", "av database date"],
} as const;
export type GenericField = keyof typeof GENERIC_FIELDS;

// Maps, not objects: a cell reading "constructor" or "__proto__" must find nothing.
const DEVICE_TYPES = new Map<string, DeviceType>(Object.entries({ workstation: "workstation", desktop: "workstation", laptop: "workstation", notebook: "workstation", server: "server", vdi: "vdi", "virtual desktop": "vdi", mobile: "mobile", phone: "mobile", tablet: "mobile", ot: "ot", ics: "ot", scada: "ot", appliance: "appliance" }));
const SENSITIVITY = new Map<string, DataSensitivity>(Object.entries({ public: "public", internal: "internal", confidential: "confidential", restricted: "restricted", secret: "restricted", "highly confidential": "restricted" }));

const truthy = (v: string) => /^(y|yes|true|1|x)$/i.test(v);
const falsy = (v: string) => /^(n|no|false|0|)$/i.test(v);

/**
 * Any CSV, TSV or sheet with a device column: an asset register, a CMDB extract, a list from
 * another tool. Rows with a software column become software on that device; the other columns
 * fill in what the workbook knows of each device.
 */
export const genericTable: TableFormat = {
  id: "generic-table",
  label: "Generic table (declared or recognised columns)",
  input: "table",
  detect: (headers) => (new Columns(headers).find(...GENERIC_FIELDS.hostname, ...GENERIC_FIELDS.fqdn) >= 0 ? 0.3 : 0),
  open(headers, context) {
    const c = new Columns(headers);
    const mapping = context.mapping ?? {};
    const col = (key: GenericField) => {
      const declared = mapping[key];
      if (declared !== undefined) {
        const i = c.find(declared);
        if (i < 0) throw new FormatError(`the mapping names column "${declared}" for ${key}, but the headers are: ${headers.join(", ")}`);
        return i;
      }
      return c.find(...GENERIC_FIELDS[key]);
    };
    for (const key of Object.keys(mapping)) if (!Object.hasOwn(GENERIC_FIELDS, key)) throw new FormatError(`the mapping names "${key}", which is not a field; fields are ${Object.keys(GENERIC_FIELDS).join(", ")}`);
    const i = Object.fromEntries((Object.keys(GENERIC_FIELDS) as GenericField[]).map((k) => [k, col(k)])) as Record<GenericField, number>;
    if (i.hostname < 0 && i.fqdn < 0) throw new FormatError(`no device column: map "hostname" to one of: ${headers.join(", ")}`);
    return (fields, line) => {
      const get = (key: GenericField) => field(fields, i[key]);
      const names = [get("hostname"), get("fqdn")].filter((n): n is string => n !== undefined);
      if (names.length === 0) return rejected(line, c.name(i.hostname >= 0 ? i.hostname : i.fqdn), "no device name");
      const ids = get("deviceId") ? [`asset:${get("deviceId")}`] : [];
      const origin = { file: context.file, line };
      const device: DeviceObservation = { names, ids, origin };
      const os = get("os");
      if (os) device.osFamily = osFamilyFromPlatform(os);
      if (get("osVersion")) device.osVersion = get("osVersion");
      const type = get("deviceType");
      if (type) {
        const mapped = DEVICE_TYPES.get(type.toLowerCase());
        if (!mapped) return rejected(line, c.name(i.deviceType), `unknown device type "${type}"; expected one of ${[...DEVICE_TYPES.keys()].join(", ")}`);
        device.deviceType = mapped;
      }
      const ownership = get("ownership");
      if (ownership) device.ownership = /byod|personal|private/i.test(ownership) ? "byod" : "corporate";
      if (get("businessUnit")) device.businessUnit = get("businessUnit");
      if (get("site")) device.site = get("site");
      const country = get("country");
      if (country) {
        if (!/^[A-Za-z]{2}$/.test(country)) return rejected(line, c.name(i.country), `"${country}" is not a two-letter country code`);
        device.country = country.toUpperCase();
      }
      const tier = get("criticality");
      if (tier) {
        const n = Number(/(\d)/.exec(tier)?.[1]);
        if (!(n >= 1 && n <= 4)) return rejected(line, c.name(i.criticality), `criticality "${tier}" is not a tier from 1 to 4`);
        device.criticality = n;
      }
      const facing = get("internetFacing");
      if (facing !== undefined) {
        if (!truthy(facing) && !falsy(facing)) return rejected(line, c.name(i.internetFacing), `"${facing}" is not yes or no`);
        device.internetFacing = truthy(facing);
      }
      const sensitivity = get("dataSensitivity");
      if (sensitivity) {
        const mapped = SENSITIVITY.get(sensitivity.toLowerCase());
        if (!mapped) return rejected(line, c.name(i.dataSensitivity), `unknown data classification "${sensitivity}"`);
        device.dataSensitivity = mapped;
      }
      const seen = get("lastSeen");
      if (seen) {
        const parsed = parseDate(seen, { now: context.now });
        if (!parsed) return rejected(line, c.name(i.lastSeen), `unreadable date "${seen}"`);
        device.lastSeen = parsed.instant;
      }
      const software: SoftwareObservation[] = [];
      const name = get("software");
      if (name) {
        software.push({ device: { names, ids }, name, publisher: get("publisher"), version: get("version"), installDate: parseDate(get("installDate"))?.date ?? null, signatureDate: parseDate(get("signatureDate"))?.date ?? null, origin });
      }
      return accepted(line, [device], software);
    };
  },
};
