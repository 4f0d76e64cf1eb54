/** A synthetic estate for the progress bench: devices across three waves, and three snapshots as the migration goes. */
import type { FleetRow } from "../src/lib/model/fleet.js";
import type { Snapshot } from "../src/lib/progress/snapshot.js";
import { MigrationPlan, type Deadline } from "../src/lib/schema/index.js";

export const BENCH_PLAN = MigrationPlan.parse({
  start: "2027-01-04",
  procurementDays: { low: 10, likely: 20, high: 40 },
  preparationDays: { low: 5, likely: 10, high: 20 },
  pilotDays: { low: 5, likely: 7, high: 14 },
  pilotDevices: 200,
  waves: [
    { id: "critical", label: "Tier 1", match: { criticality: [1] } },
    { id: "finance", label: "Finance", match: { businessUnit: ["Finance"] } },
    { id: "rest", label: "Everything else", match: {} },
  ],
  capacityPerWeek: { low: 2000, likely: 4000, high: 7000 },
  learningWeeks: 4,
  stragglerShare: { low: 0.01, likely: 0.05, high: 0.1 },
  stragglerDays: { low: 5, likely: 15, high: 40 },
  decommissionDays: { low: 5, likely: 10, high: 20 },
  slippage: { low: 1, likely: 1.1, high: 1.5 },
  freezes: [{ label: "Spring freeze", from: "2027-04-01", to: "2027-04-07" }],
});

export const BENCH_DEADLINES: Deadline[] = [{ id: "board", label: "Board target", date: "2027-08-31", kind: "internal" }];

export function benchFleet(devices: number): { rows: FleetRow[]; snapshots: Snapshot[] } {
  const row = (i: number, kaspersky: boolean): FleetRow => ({
    deviceId: `dev-${i}`,
    hostname: `host-${i}`,
    businessUnit: i % 5 === 0 ? "Finance" : "Operations",
    site: "NYC",
    country: "US",
    osFamily: "windows",
    deviceType: "workstation",
    criticality: i % 20 === 0 ? 1 : 3,
    internetFacing: false,
    dataSensitivity: "internal",
    coveredProducts: kaspersky ? ["kes-windows"] : [],
    signatureDate: null,
    coveredProtection: kaspersky,
  });
  const rows = Array.from({ length: devices }, (_, i) => row(i, true));
  const at = (date: string, migrated: number): Snapshot => ({ date, label: date, devices: rows.map((_, i) => ({ ...row(i, i >= migrated), aliases: [`defender:${i.toString(16)}`] })), sources: [] });
  return { rows, snapshots: [at("2027-01-04", 0), at("2027-03-01", devices * 0.2), at("2027-04-01", devices * 0.45), at("2027-05-03", devices * 0.7)] };
}
