import { parseDate } from "../dates.js";
import { Columns, field } from "../headers.js";
import { accepted, rejected } from "../types.js";
import type { TableFormat } from "./format.js";

/** Columns only `v_GS_INSTALLED_SOFTWARE` has; Add/Remove Programs views have none of them. */
const OWN = ["ARPDisplayName0", "ProductName0", "ProductVersion0", "InstalledLocation0", "ProductCode0", "SoftwareCode0", "UpgradeCode0", "EvidenceSource0"];

/** A field, with SQL Server Management Studio's literal "NULL" read as empty. */
const value = (fields: readonly string[], i: number): string | undefined => {
  const v = field(fields, i);
  return v === "NULL" ? undefined : v;
};

/**
 * Configuration Manager installed software (`v_GS_INSTALLED_SOFTWARE`, from the client's
 * `SMS_InstalledSoftware` class), optionally joined to `v_R_System` for the name. Its
 * InstallDate0 is a SQL datetime, not a registry string. ARPDisplayName0 is empty for software
 * found only through MSI, so ProductName0 stands in for it. Device ids are `mecm:<ResourceID>`,
 * as in the Add/Remove Programs reader, so both views of one machine merge.
 */
export const mecmInstalledSoftware: TableFormat = {
  id: "mecm-installed-software",
  label: "Configuration Manager installed software",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    if (c.find("ARPDisplayName0", "ProductName0") < 0) return 0;
    return c.share(OWN) >= 0.5 ? 0.97 : 0.65;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const resource = c.find("ResourceID", "Resource ID");
    const name = c.find("Netbios_Name0", "Name0", "Name", "Computer Name");
    const arpName = c.find("ARPDisplayName0");
    const productName = c.find("ProductName0");
    if (arpName < 0) c.require("ProductName0");
    const version = c.find("ProductVersion0", "Version0");
    const publisher = c.find("Publisher0");
    const installDate = c.find("InstallDate0");
    const location = c.find("InstalledLocation0");
    if (name < 0 && resource < 0) c.require("Netbios_Name0", "Name0", "ResourceID");
    return (fields, line) => {
      const host = value(fields, name);
      const id = value(fields, resource);
      if (!host && !id) return rejected(line, c.name(name >= 0 ? name : resource), "no device name or resource id");
      const software = value(fields, arpName) ?? value(fields, productName);
      if (!software) return rejected(line, c.name(arpName >= 0 ? arpName : productName), "no program name");
      const rawDate = value(fields, installDate);
      const date = parseDate(rawDate);
      if (rawDate && !date) return rejected(line, c.name(installDate), `unreadable install date "${rawDate}"`);
      const device = { names: host ? [host] : [], ids: id ? [`mecm:${id}`] : [] };
      const origin = { file: context.file, line };
      return accepted(line, [{ ...device, osFamily: "windows", origin }], [
        { device, name: software, publisher: value(fields, publisher), version: value(fields, version), path: value(fields, location), installDate: date?.date ?? null, origin },
      ]);
    };
  },
};
