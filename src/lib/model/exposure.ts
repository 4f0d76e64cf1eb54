import type { OrgProfile } from "../schema/index.js";
import { daysBetween } from "../util/dates.js";
import type { FleetRow } from "./fleet.js";
import { frozenStatus, isKasperskyDevice, isViolation, type FrozenRule } from "./frozen.js";

/** Relative weights of devices in the fleet's exposure (1 = a tier-3, internal-data, internal device). */
export interface DeviceWeights {
  criticality: Record<1 | 2 | 3 | 4, number>;
  internetFacing: number;
  sensitivity: Record<FleetRow["dataSensitivity"], number>;
}

export type Compliance = "violation" | "risk" | "none";

export interface DeviceExposure {
  deviceId: string;
  /** Runs Kaspersky protection whose signatures stopped at or before the cutoff (see `frozenStatus`). */
  frozen: boolean;
  /** Frozen by the rule for devices with no signature date, not by an export's date. */
  assumed: boolean;
  /** Days since its last signature update (from the console's date, else the cutoff), when frozen. */
  daysFrozen: number | null;
  weight: number;
  /**
   * What running a covered product means here: a violation for those the law or their
   * contracts bar (federal agencies and contractors), a risk for everyone else.
   */
  compliance: Compliance;
}

export interface ExposureOptions {
  asOf: string;
  /** The day the vendor's updates stopped, `YYYY-MM-DD`. */
  updatesStopped: string;
  weights: DeviceWeights;
  profile: OrgProfile;
  /** Whether devices with no signature date count as frozen (`frozenRule`). */
  rule: FrozenRule;
}

export function deviceWeight(row: FleetRow, weights: DeviceWeights): number {
  const tier = Math.min(4, Math.max(1, Math.round(row.criticality))) as 1 | 2 | 3 | 4;
  return weights.criticality[tier] * (row.internetFacing ? weights.internetFacing : 1) * weights.sensitivity[row.dataSensitivity];
}

/** Per-device exposure: which devices are frozen, for how long, how much each weighs, and whether it is a violation. */
export function deviceExposure(rows: readonly FleetRow[], options: ExposureOptions): DeviceExposure[] {
  const days = new Map<string, number>();
  const daysSince = (date: string) => {
    let d = days.get(date);
    if (d === undefined) days.set(date, (d = Math.max(0, daysBetween(date, options.asOf))));
    return d;
  };
  return rows.map((row) => {
    const status = frozenStatus(row, options.updatesStopped, options.rule);
    return {
      deviceId: row.deviceId,
      frozen: status.frozen,
      assumed: status.assumed,
      daysFrozen: status.frozen ? daysSince(status.lastUpdate!) : null,
      weight: deviceWeight(row, options.weights),
      compliance: !isKasperskyDevice(row) ? "none" : isViolation(row, options.profile) ? "violation" : "risk",
    };
  });
}

/**
 * The fleet's exposure reduced to what the loss model needs: total weight, the weight of
 * devices not frozen, and the frozen weight by days frozen (so a simulation costs the number
 * of distinct days, not the number of devices).
 */
export interface ExposureProfile {
  devices: number;
  frozenDevices: number;
  /** Frozen by the rule (no signature date in any export). */
  assumedFrozen: number;
  violations: number;
  totalWeight: number;
  unfrozenWeight: number;
  /** Days frozen, ascending, and the frozen weight at each. */
  days: Float64Array;
  weightAtDays: Float64Array;
}

export function exposureProfile(exposures: readonly DeviceExposure[]): ExposureProfile {
  const byDays = new Map<number, number>();
  let total = 0;
  let unfrozen = 0;
  let frozenDevices = 0;
  let assumedFrozen = 0;
  let violations = 0;
  for (const e of exposures) {
    total += e.weight;
    if (e.compliance === "violation") violations++;
    if (e.frozen) {
      frozenDevices++;
      if (e.assumed) assumedFrozen++;
      byDays.set(e.daysFrozen!, (byDays.get(e.daysFrozen!) ?? 0) + e.weight);
    } else unfrozen += e.weight;
  }
  const days = Float64Array.from([...byDays.keys()].sort((a, b) => a - b));
  return { devices: exposures.length, frozenDevices, assumedFrozen, violations, totalWeight: total, unfrozenWeight: unfrozen, days, weightAtDays: Float64Array.from(days, (d) => byDays.get(d)!) };
}

/**
 * The fleet's weighted infection multiplier E: 1 when nothing is frozen, M(t) averaged over the
 * weight of frozen devices otherwise. `frozenShare` scales the frozen weight (what remains of it
 * under a migration plan); `extraDays` moves the clock on.
 */
export function fleetMultiplier(profile: ExposureProfile, multiplier: (days: number) => number, frozenShare = 1, extraDays = 0): number {
  if (profile.totalWeight === 0) return 1;
  let frozen = 0;
  let frozenWeight = 0;
  for (let i = 0; i < profile.days.length; i++) {
    frozen += profile.weightAtDays[i]! * multiplier(profile.days[i]! + extraDays);
    frozenWeight += profile.weightAtDays[i]!;
  }
  const remaining = frozenShare * frozenWeight;
  return (profile.unfrozenWeight + (frozenWeight - remaining) + frozenShare * frozen) / profile.totalWeight;
}

/** The frozen devices of one group (a wave of the plan, or those an option keeps): their weight by days frozen. */
export interface FrozenGroup {
  frozenWeight: number;
  frozenDevices: number;
  days: Float64Array;
  weightAtDays: Float64Array;
}

/** The fleet as the loss model reads it: total and unfrozen weight, and the frozen weight in groups that migrate together. */
export interface LossFleet {
  totalWeight: number;
  unfrozenWeight: number;
  groups: FrozenGroup[];
}

/**
 * Splits the frozen weight into `count` groups (`groupOf(i)` for the i-th exposure, from 0);
 * with one group, the whole frozen fleet migrates (or stays) together.
 */
export function lossFleet(exposures: readonly DeviceExposure[], groupOf: (index: number) => number = () => 0, count = 1): LossFleet {
  const byDays = Array.from({ length: count }, () => new Map<number, number>());
  const devices = new Array<number>(count).fill(0);
  let total = 0;
  let unfrozen = 0;
  exposures.forEach((e, i) => {
    total += e.weight;
    if (!e.frozen) {
      unfrozen += e.weight;
      return;
    }
    const g = groupOf(i);
    if (!(g >= 0 && g < count)) throw new RangeError(`device ${e.deviceId} is in group ${g}, not one of 0–${count - 1}`);
    devices[g]!++;
    const map = byDays[g]!;
    map.set(e.daysFrozen!, (map.get(e.daysFrozen!) ?? 0) + e.weight);
  });
  return {
    totalWeight: total,
    unfrozenWeight: unfrozen,
    groups: byDays.map((map, g) => {
      const days = Float64Array.from([...map.keys()].sort((a, b) => a - b));
      const weightAtDays = Float64Array.from(days, (d) => map.get(d)!);
      return { frozenWeight: weightAtDays.reduce((a, b) => a + b, 0), frozenDevices: devices[g]!, days, weightAtDays };
    }),
  };
}
