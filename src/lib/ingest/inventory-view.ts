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
  /** Replacement software seen, by device id (for tracking the migration). */
  replacements: Inventory["replacements"];
}

export function inventoryView(inventory: Inventory, catalog: CompiledCatalog): InventoryView {
  return {
    sources: inventory.sources,
    rows: fleetRows(inventory.devices, inventory.installs, catalog),
    installs: inventory.installs
      .filter((i) => i.catalogId !== null)
      .map((i) => {
        const product = catalog.byId(i.catalogId!);
        // A catch-all's own name says nothing: the name the export gave says what to look at.
        return { deviceId: i.deviceId, catalogId: i.catalogId!, product: product?.fallback ? i.product : (product?.name ?? i.product), version: i.version, covered: product?.coveredByUsProhibition === "yes", unclear: product?.coveredByUsProhibition === "unclear" };
      }),
    kaspersky: inventory.kaspersky,
    replacements: inventory.replacements,
  };
}
