import type { Assumption, OrgProfile } from "../schema/index.js";
import type { FleetRow } from "./fleet.js";
import { likely, requireAssumption } from "./parameters.js";

/**
 * The one definition of each device-level concept the workbook counts. Every page, the CLI
 * and the memo count through these functions, so a figure with the same name is the same
 * figure everywhere.
 */

/** A Kaspersky device: it runs at least one product the US prohibition covers. */
export function isKasperskyDevice(row: Pick<FleetRow, "coveredProducts">): boolean {
  return row.coveredProducts.length > 0;
}

/**
 * Whether a device with no signature date is taken as frozen: for a US person (branches
 * abroad included), and for everyone else, each an assumption the user can change.
 */
export interface FrozenRule {
  usPerson: boolean;
  /** The rule for this organisation's devices with no signature date. */
  assumeFrozen: boolean;
}

export const FROZEN_RULE_ASSUMPTIONS = { usPerson: "frozen_rule_us_person_devices", other: "frozen_rule_other_devices" } as const;

export function frozenRule(profile: Pick<OrgProfile, "usPerson">, assumptions: ReadonlyMap<string, Assumption>): FrozenRule {
  const id = profile.usPerson ? FROZEN_RULE_ASSUMPTIONS.usPerson : FROZEN_RULE_ASSUMPTIONS.other;
  return { usPerson: profile.usPerson, assumeFrozen: likely(requireAssumption(assumptions, id)) >= 0.5 };
}

export interface FrozenStatus {
  frozen: boolean;
  /** Frozen by the rule, not by a signature date from an export. */
  assumed: boolean;
  /** The day its protection last updated (the signature date, else the cutoff when assumed frozen). */
  lastUpdate: string | null;
}

const NOT_FROZEN: FrozenStatus = { frozen: false, assumed: false, lastUpdate: null };

/**
 * A frozen device: Kaspersky protection (not only an agent or console) whose signatures are
 * no newer than the day updates stopped. By fact where an export gives a signature date;
 * otherwise by the rule, with the cutoff as its last update.
 */
export function frozenStatus(row: Pick<FleetRow, "coveredProtection" | "signatureDate">, updatesStopped: string, rule: FrozenRule): FrozenStatus {
  if (!row.coveredProtection) return NOT_FROZEN;
  if (row.signatureDate !== null) return row.signatureDate <= updatesStopped ? { frozen: true, assumed: false, lastUpdate: row.signatureDate } : NOT_FROZEN;
  return rule.assumeFrozen ? { frozen: true, assumed: true, lastUpdate: updatesStopped } : NOT_FROZEN;
}

/** A violation: a Kaspersky device of an organisation the law or its contracts bar (federal agencies and contractors). */
export function isViolation(row: Pick<FleetRow, "coveredProducts">, profile: Pick<OrgProfile, "federalAgency" | "federalContractor">): boolean {
  return isKasperskyDevice(row) && (profile.federalAgency || profile.federalContractor);
}

/** The fleet's counts of these concepts: what Overview, Exposure, the CLI and the memo all print. */
export interface DeviceCounts {
  devices: number;
  kasperskyDevices: number;
  frozenDevices: number;
  /** Of the frozen devices, those frozen by the rule (no signature date in any export). */
  assumedFrozen: number;
  violations: number;
}

export function deviceCounts(rows: readonly FleetRow[], updatesStopped: string, rule: FrozenRule, profile: Pick<OrgProfile, "federalAgency" | "federalContractor">): DeviceCounts {
  const counts: DeviceCounts = { devices: rows.length, kasperskyDevices: 0, frozenDevices: 0, assumedFrozen: 0, violations: 0 };
  for (const row of rows) {
    if (isKasperskyDevice(row)) counts.kasperskyDevices++;
    if (isViolation(row, profile)) counts.violations++;
    const status = frozenStatus(row, updatesStopped, rule);
    if (status.frozen) {
      counts.frozenDevices++;
      if (status.assumed) counts.assumedFrozen++;
    }
  }
  return counts;
}
