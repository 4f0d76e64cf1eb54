import { daysBetween } from "../util/dates.js";
import type { FleetRow } from "./fleet.js";

export interface HeadlineOptions {
  /** The date the figures are for, `YYYY-MM-DD`. */
  asOf: string;
  /** The day updates stopped (the update cutoff's date), `YYYY-MM-DD`. */
  updatesStopped: string;
  /** Only devices of this business unit; all when null. */
  businessUnit: string | null;
}

export interface Headline {
  devices: number;
  kasperskyDevices: number;
  /** Kaspersky devices as a share of devices, 0 when there are none. */
  kasperskyShare: number;
  /** Kaspersky devices whose signatures are no newer than the day updates stopped. */
  frozenDevices: number;
  /** Whole days from the update cutoff to `asOf`; 0 before the cutoff. */
  daysSinceUpdatesStopped: number;
}

/** The Overview's headline figures for a fleet on a date. */
export function headline(rows: readonly FleetRow[], options: HeadlineOptions): Headline {
  const scope = options.businessUnit === null ? rows : rows.filter((r) => r.businessUnit === options.businessUnit);
  const kaspersky = scope.filter((r) => r.coveredProducts.length > 0);
  const frozen = kaspersky.filter((r) => r.signatureDate !== null && r.signatureDate <= options.updatesStopped);
  return {
    devices: scope.length,
    kasperskyDevices: kaspersky.length,
    kasperskyShare: scope.length === 0 ? 0 : kaspersky.length / scope.length,
    frozenDevices: frozen.length,
    daysSinceUpdatesStopped: Math.max(0, daysBetween(options.updatesStopped, options.asOf)),
  };
}
