/** A small fleet and plan for the progress tests, and snapshots shaped from them. */
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import { MigrationPlan } from "../../../src/lib/schema/index.js";
import type { Snapshot, SnapshotDevice } from "../../../src/lib/progress/snapshot.js";

export const row = (hostname: string, kaspersky: boolean, extra: Partial<FleetRow> & { aliases?: string[] } = {}): SnapshotDevice => ({
  deviceId: `dev-${hostname}`,
  hostname,
  businessUnit: "Operations",
  site: "NYC",
  country: "US",
  osFamily: "windows",
  deviceType: "workstation",
  criticality: 3,
  internetFacing: false,
  dataSensitivity: "internal",
  coveredProducts: kaspersky ? ["kes-windows"] : [],
  signatureDate: null,
  coveredProtection: kaspersky,
  ...extra,
});

export const snapshot = (date: string, devices: SnapshotDevice[]): Snapshot => ({ date, label: date, devices, sources: [] });

/** Two waves (Finance first), 80 devices a week most likely, four weeks of learning, no freezes. */
export const PLAN = MigrationPlan.parse({
  start: "2027-01-04",
  procurementDays: { low: 10, likely: 20, high: 40 },
  preparationDays: { low: 5, likely: 10, high: 20 },
  pilotDays: { low: 5, likely: 7, high: 14 },
  pilotDevices: 20,
  waves: [
    { id: "finance", label: "Finance", match: { businessUnit: ["Finance"] } },
    { id: "rest", label: "Everything else", match: {} },
  ],
  capacityPerWeek: { low: 40, likely: 80, high: 150 },
  learningWeeks: 4,
  stragglerShare: { low: 0.01, likely: 0.05, high: 0.1 },
  stragglerDays: { low: 5, likely: 15, high: 40 },
  decommissionDays: { low: 5, likely: 10, high: 20 },
  slippage: { low: 1, likely: 1.1, high: 1.5 },
  freezes: [],
});

/** 1,200 Kaspersky devices, 300 of them in Finance, and 200 without Kaspersky. */
export const FLEET: SnapshotDevice[] = [
  ...Array.from({ length: 300 }, (_, i) => row(`fin-${i}`, true, { businessUnit: "Finance" })),
  ...Array.from({ length: 900 }, (_, i) => row(`ops-${i}`, true)),
  ...Array.from({ length: 200 }, (_, i) => row(`clean-${i}`, false)),
];
