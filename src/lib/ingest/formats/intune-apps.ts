import type { OsFamily } from "../../schema/index.js";
import { Columns, field } from "../headers.js";
import { osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type RowOutcome } from "../types.js";
import type { TableFormat } from "./format.js";

/**
 * Columns of the Intune Discovered apps reports (Graph `reports/exportJobs`). The default
 * localisation adds a `<column>_loc` twin after enum columns; twins are never looked up, as
 * the column finder compares whole header names.
 */
const RAW = ["ApplicationKey", "ApplicationName", "ApplicationPublisher", "ApplicationShortVersion", "ApplicationVersion", "DeviceId", "DeviceName", "OSDescription", "OSVersion", "Platform", "UserId", "EmailAddress", "UserName"];
const AGGREGATE = ["ApplicationKey", "ApplicationName", "ApplicationPublisher", "ApplicationShortVersion", "ApplicationVersion", "DeviceCount"];

export const intuneDeviceId = (id: string): string => `intune:${id.trim().toLowerCase()}`;

/** The OS family from Platform, else from OSDescription (Platform may hold an enum number). */
function osFamilyOf(...texts: (string | undefined)[]): OsFamily | undefined {
  const families = texts.filter((t): t is string => t !== undefined).map(osFamilyFromPlatform);
  return families.find((f) => f !== "other") ?? families[0];
}

/** Both reports name the application alike; ApplicationVersion is the full one, the short version a fallback. */
function application(c: Columns) {
  const name = c.require("ApplicationName");
  const publisher = c.find("ApplicationPublisher");
  const version = c.find("ApplicationVersion");
  const shortVersion = c.find("ApplicationShortVersion");
  return {
    name,
    read: (fields: readonly string[]) => ({
      name: field(fields, name),
      publisher: field(fields, publisher),
      version: field(fields, version) ?? field(fields, shortVersion),
    }),
  };
}

/**
 * Intune Discovered apps, per device (`AppInvRawData`, `AppInvByDevice`): one row per device and
 * application. macOS rows often have no publisher, so products are matched on the name. User
 * columns (UserId, EmailAddress, UserName) are not read: the workbook needs no personal data.
 */
export const intuneRaw: TableFormat = {
  id: "intune-apps",
  label: "Microsoft Intune discovered apps",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    if (c.find("ApplicationName") < 0 || c.find("DeviceName", "DeviceId") < 0) return 0;
    return c.share(RAW) >= 0.6 ? 0.95 : 0.7;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const app = application(c);
    const deviceName = c.require("DeviceName");
    const deviceId = c.find("DeviceId");
    const platform = c.find("Platform");
    const description = c.find("OSDescription");
    const osVersion = c.find("OSVersion");
    return (fields, line) => {
      const host = field(fields, deviceName);
      if (!host) return rejected(line, c.name(deviceName), "no device name");
      const software = app.read(fields);
      if (!software.name) return rejected(line, c.name(app.name), "no application name");
      const id = field(fields, deviceId);
      const device = { names: [host], ids: id ? [intuneDeviceId(id)] : [] };
      const origin = { file: context.file, line };
      return accepted(
        line,
        [{ ...device, osFamily: osFamilyOf(field(fields, platform), field(fields, description)), osVersion: field(fields, osVersion), origin }],
        [{ device, name: software.name, publisher: software.publisher, version: software.version, origin }],
      );
    };
  },
};

/**
 * Intune Discovered apps, aggregated (`AppInvAggregate`): one row per application and version
 * with a DeviceCount and no device. A software observation always belongs to a device, and
 * merging makes one up for software whose device no source described; so these rows give no
 * observation (no invented "(aggregate)" device, no installs counted per product). Each
 * accepted row carries its count instead (`counts`), for a summary of reported counts kept
 * apart from counted installs.
 */
export const intuneAggregate: TableFormat = {
  id: "intune-apps-aggregate",
  label: "Microsoft Intune discovered apps (aggregate counts)",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    if (c.find("ApplicationName") < 0 || c.find("DeviceCount") < 0 || c.find("DeviceName", "DeviceId") >= 0) return 0;
    return c.share(AGGREGATE) >= 0.6 ? 0.95 : 0.7;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const app = application(c);
    const count = c.require("DeviceCount");
    return (fields, line) => {
      const software = app.read(fields);
      if (!software.name) return rejected(line, c.name(app.name), "no application name");
      const rawCount = field(fields, count);
      if (!rawCount || !/^\d+$/.test(rawCount)) return rejected(line, c.name(count), `device count "${rawCount ?? ""}" is not a whole number`);
      const outcome: RowOutcome = {
        kind: "accepted",
        line,
        devices: [],
        software: [],
        counts: [{ name: software.name, publisher: software.publisher, version: software.version, devices: Number(rawCount), origin: { file: context.file, line } }],
      };
      return outcome;
    };
  },
};
