import type { CompiledCatalog } from "../catalog/match.js";
import type { Inventory } from "../ingest/combine.js";
import { fleetRows } from "../model/fleet.js";
import { frozenStatus } from "../model/frozen.js";

/** One device as `offramp ingest --devices` writes it, for a consultant's device list. */
export type DeviceExportRow = {
  hostname: string;
  /** Other names: FQDN, NetBIOS, source device ids, joined by spaces. */
  aliases: string;
  /** The exports its Kaspersky software was seen in, joined by spaces. */
  sources: string;
  /** Covered products it runs, by catalog name, joined by "; ". */
  coveredProducts: string;
  signatureDate: string;
  /** "yes" (signatures no newer than the day updates stopped), "no", or "no signature date" (protection whose date no export gives). */
  frozen: "yes" | "no" | "no signature date";
  businessUnit: string;
  criticality: number;
};

export const DEVICE_EXPORT_COLUMNS = ["hostname", "aliases", "sources", "coveredProducts", "signatureDate", "frozen", "businessUnit", "criticality"] as const;

/**
 * The device list: one row per device, Kaspersky devices first. Covered products and signature
 * dates come from the same fleet rows every figure is counted from; frozen is by fact only (an
 * ingest knows no organisation, so no rule decides for devices without a date).
 */
export function deviceExport(inventory: Pick<Inventory, "devices" | "installs">, catalog: CompiledCatalog, updatesStopped: string): DeviceExportRow[] {
  const rows = fleetRows(inventory.devices, inventory.installs, catalog);
  const files = new Map<string, Set<string>>();
  for (const install of inventory.installs) {
    const set = files.get(install.deviceId) ?? new Set<string>();
    for (const e of install.evidence) set.add(e.file);
    files.set(install.deviceId, set);
  }
  const aliases = new Map(inventory.devices.map((d) => [d.id, d.aliases]));
  return rows
    .map((row): DeviceExportRow => {
      const status = frozenStatus(row, updatesStopped, { usPerson: false, assumeFrozen: false });
      return {
        hostname: row.hostname,
        aliases: (aliases.get(row.deviceId) ?? []).join(" "),
        sources: [...(files.get(row.deviceId) ?? [])].sort().join(" "),
        coveredProducts: row.coveredProducts.map((id) => catalog.byId(id)?.name ?? id).join("; "),
        signatureDate: row.signatureDate ?? "",
        frozen: status.frozen ? "yes" : row.coveredProtection && row.signatureDate === null ? "no signature date" : "no",
        businessUnit: row.businessUnit,
        criticality: row.criticality,
      };
    })
    .sort((a, b) => Number(b.coveredProducts !== "") - Number(a.coveredProducts !== "") || a.hostname.localeCompare(b.hostname));
}
