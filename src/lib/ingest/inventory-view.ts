import type { CompiledCatalog } from "../catalog/match.js";
import type { InstallRow } from "../model/breakdown.js";
import { fleetRows, type FleetRow } from "../model/fleet.js";
import type { Inventory } from "./combine.js";
import type { SourceReport } from "./types.js";

/** What the Inventory page shows: per-source reports, a row per device and the matched installs. */
export interface InventoryView {
  sources: SourceReport[];
  rows: FleetRow[];
  installs: InstallRow[];
  kaspersky: Inventory["kaspersky"];
}

export function inventoryView(inventory: Inventory, catalog: CompiledCatalog): InventoryView {
  return {
    sources: inventory.sources,
    rows: fleetRows(inventory.devices, inventory.installs, catalog),
    installs: inventory.installs
      .filter((i) => i.catalogId !== null)
      .map((i) => ({ deviceId: i.deviceId, catalogId: i.catalogId!, product: catalog.byId(i.catalogId!)?.name ?? i.product, version: i.version, covered: catalog.byId(i.catalogId!)?.coveredByUsProhibition === "yes" })),
    kaspersky: inventory.kaspersky,
  };
}
