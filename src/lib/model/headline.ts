import type { OrgProfile } from "../schema/index.js";
import { daysBetween } from "../util/dates.js";
import type { FleetRow } from "./fleet.js";
import { deviceCounts, type FrozenRule } from "./frozen.js";

export interface HeadlineOptions {
  /** The date the figures are for, `YYYY-MM-DD`. */
  asOf: string;
  /** The day updates stopped (the update cutoff's date), `YYYY-MM-DD`. */
  updatesStopped: string;
  /** Only devices of this business unit; all when null. */
  businessUnit: string | null;
  /** Whether devices with no signature date count as frozen, for this organisation. */
  rule: FrozenRule;
  profile: Pick<OrgProfile, "federalAgency" | "federalContractor">;
}

export interface Headline {
  devices: number;
  kasperskyDevices: number;
  /** Kaspersky devices as a share of devices, 0 when there are none. */
  kasperskyShare: number;
  /** Kaspersky protection frozen since updates stopped (`frozenStatus`), by signature date or by the rule. */
  frozenDevices: number;
  /** Of those, frozen by the rule because no export gives a signature date. */
  assumedFrozen: number;
  violations: number;
  /** Whole days from the update cutoff to `asOf`; 0 before the cutoff. */
  daysSinceUpdatesStopped: number;
}

/** The Overview's headline figures for a fleet on a date: the same counts as every other page. */
export function headline(rows: readonly FleetRow[], options: HeadlineOptions): Headline {
  const scope = options.businessUnit === null ? rows : rows.filter((r) => r.businessUnit === options.businessUnit);
  const counts = deviceCounts(scope, options.updatesStopped, options.rule, options.profile);
  return {
    devices: counts.devices,
    kasperskyDevices: counts.kasperskyDevices,
    kasperskyShare: counts.devices === 0 ? 0 : counts.kasperskyDevices / counts.devices,
    frozenDevices: counts.frozenDevices,
    assumedFrozen: counts.assumedFrozen,
    violations: counts.violations,
    daysSinceUpdatesStopped: Math.max(0, daysBetween(options.updatesStopped, options.asOf)),
  };
}
