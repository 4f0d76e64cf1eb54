import type { CompiledCatalog } from "../catalog/match.js";
import type { Device, Install } from "../schema/index.js";

/** One device with what the headline figures need, flat so pages and tables can use it as is. */
export interface FleetRow {
  deviceId: string;
  hostname: string;
  businessUnit: string;
  site: string;
  country: string;
  osFamily: Device["osFamily"];
  deviceType: Device["deviceType"];
  criticality: number;
  internetFacing: boolean;
  dataSensitivity: Device["dataSensitivity"];
  /** Catalog ids of products the US prohibition covers that this device runs. */
  coveredProducts: string[];
  /** Oldest signature date among those products, where a console reported one. */
  signatureDate: string | null;
  /** Whether one of those products is protection (anti-malware), not only an agent or console. */
  coveredProtection: boolean;
}

/** Joins installs to devices and keeps, per device, the covered products and their oldest signatures. */
export function fleetRows(devices: readonly Device[], installs: readonly Install[], catalog: CompiledCatalog): FleetRow[] {
  const byDevice = new Map<string, Install[]>();
  for (const install of installs) {
    const list = byDevice.get(install.deviceId);
    if (list) list.push(install);
    else byDevice.set(install.deviceId, [install]);
  }
  return devices.map((device) => {
    const covered = (byDevice.get(device.id) ?? []).filter((i) => i.catalogId !== null && catalog.byId(i.catalogId)?.coveredByUsProhibition === "yes");
    const dates = covered.map((i) => i.signatureDate).filter((d): d is string => d !== null).sort();
    return {
      deviceId: device.id,
      hostname: device.hostname,
      businessUnit: device.businessUnit,
      site: device.site,
      country: device.country,
      osFamily: device.osFamily,
      deviceType: device.deviceType,
      criticality: device.criticality,
      internetFacing: device.internetFacing,
      dataSensitivity: device.dataSensitivity,
      coveredProducts: [...new Set(covered.map((i) => i.catalogId as string))].sort(),
      signatureDate: dates[0] ?? null,
      coveredProtection: covered.some((i) => (catalog.byId(i.catalogId!)?.role ?? "protection") === "protection"),
    };
  });
}
