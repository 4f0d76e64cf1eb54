import type { InstallRow } from "../model/breakdown.js";
import type { FleetRow } from "../model/fleet.js";

/** A device whose software the catalog cannot decide on: it may be the vendor's, or covered. */
export interface ReviewDevice {
  hostname: string;
  products: string[];
}

/**
 * The devices to review by hand: those running software whose coverage is unclear (a developer
 * library, a product seen only as "Kaspersky"), by host name. They are never counted as
 * Kaspersky devices; the Inventory page and the memo list them so someone decides.
 */
export function devicesToReview(rows: readonly Pick<FleetRow, "deviceId" | "hostname">[], installs: readonly InstallRow[]): ReviewDevice[] {
  const byDevice = new Map<string, Set<string>>();
  for (const i of installs) {
    if (!i.unclear) continue;
    const set = byDevice.get(i.deviceId) ?? new Set<string>();
    set.add(i.product);
    byDevice.set(i.deviceId, set);
  }
  const names = new Map(rows.map((r) => [r.deviceId, r.hostname]));
  return [...byDevice]
    .map(([id, products]) => ({ hostname: names.get(id) ?? id, products: [...products].sort() }))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}
