import { parseDate } from "../dates.js";
import { Columns, field } from "../headers.js";
import { accepted, rejected } from "../types.js";
import type { TableFormat } from "./format.js";

/**
 * Configuration Manager Add/Remove Programs (`v_GS_ADD_REMOVE_PROGRAMS`, its `_64` twin, or
 * `v_Add_Remove_Programs`), joined to `v_R_System` for the name. InstallDate0 is the raw
 * registry string. Rows listed in both the 32- and 64-bit views become one install later,
 * when installs are merged.
 */
export const mecmArp: TableFormat = {
  id: "mecm-arp",
  label: "Configuration Manager Add/Remove Programs",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    if (c.find("DisplayName0", "ARPDisplayName0") < 0) return 0;
    return c.share(["ResourceID", "DisplayName0", "Version0", "Publisher0"]) >= 0.75 ? 0.95 : 0.6;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const resource = c.find("ResourceID", "Resource ID");
    const name = c.find("Netbios_Name0", "Name0", "Name", "Computer Name");
    const display = c.require("DisplayName0", "ARPDisplayName0", "ProductName0");
    const version = c.find("Version0", "ProductVersion0");
    const publisher = c.find("Publisher0");
    const installDate = c.find("InstallDate0");
    const location = c.find("InstalledLocation0", "InstallLocation0");
    if (name < 0 && resource < 0) c.require("Name0", "ResourceID");
    return (fields, line) => {
      const host = field(fields, name);
      const id = field(fields, resource);
      if (!host && !id) return rejected(line, c.name(name >= 0 ? name : resource), "no device name or resource id");
      const software = field(fields, display);
      if (!software) return rejected(line, c.name(display), "no program name");
      const rawDate = field(fields, installDate);
      const date = parseDate(rawDate);
      if (rawDate && !date) return rejected(line, c.name(installDate), `unreadable install date "${rawDate}"`);
      const device = { names: host ? [host] : [], ids: id ? [`mecm:${id}`] : [] };
      return accepted(line, [{ ...device, osFamily: "windows", origin: { file: context.file, line } }], [
        { device, name: software, publisher: field(fields, publisher), version: field(fields, version), path: field(fields, location), installDate: date?.date ?? null, origin: { file: context.file, line } },
      ]);
    };
  },
};
