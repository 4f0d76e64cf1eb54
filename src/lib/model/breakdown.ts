import type { FleetRow } from "./fleet.js";

/** A matched install as the Inventory page's drill-downs use it. */
export interface InstallRow {
  deviceId: string;
  catalogId: string;
  product: string;
  version: string;
  covered: boolean;
  /** The catalog cannot say whether the prohibition covers it (or whether it is the vendor's): to review. */
  unclear?: boolean;
}

export type Dimension = "businessUnit" | "site" | "osFamily" | "productVersion";

export interface BreakdownRow {
  key: string;
  devices: number;
  kasperskyDevices: number;
}

/**
 * Devices and Kaspersky devices per business unit, site or OS; or, for product versions,
 * the devices running each product and version (all of them Kaspersky devices if covered).
 * Sorted by Kaspersky devices, most first, then by key.
 */
export function breakdown(rows: readonly FleetRow[], installs: readonly InstallRow[], dimension: Dimension): BreakdownRow[] {
  const groups = new Map<string, { devices: Set<string>; kaspersky: Set<string> }>();
  const add = (key: string, deviceId: string, kaspersky: boolean) => {
    const group = groups.get(key) ?? { devices: new Set(), kaspersky: new Set() };
    group.devices.add(deviceId);
    if (kaspersky) group.kaspersky.add(deviceId);
    groups.set(key, group);
  };
  if (dimension === "productVersion") {
    for (const i of installs) add(`${i.product} ${i.version}`.trim(), i.deviceId, i.covered);
  } else {
    for (const r of rows) add(r[dimension], r.deviceId, r.coveredProducts.length > 0);
  }
  return [...groups]
    .map(([key, g]) => ({ key, devices: g.devices.size, kasperskyDevices: g.kaspersky.size }))
    .sort((a, b) => b.kasperskyDevices - a.kasperskyDevices || a.key.localeCompare(b.key));
}
