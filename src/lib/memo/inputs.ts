import { breakdown } from "../model/breakdown.js";
import type { FleetRow } from "../model/fleet.js";
import type { Assumption } from "../schema/index.js";
import type { MemoInputs } from "./build.js";

/** The fleet as the memo states it: totals, and devices and Kaspersky devices per business unit (by name). */
export function memoFleet(rows: readonly FleetRow[]): MemoInputs["fleet"] {
  return {
    devices: rows.length,
    kasperskyDevices: rows.filter((r) => r.coveredProducts.length > 0).length,
    byUnit: breakdown(rows, [], "businessUnit")
      .map((g) => ({ unit: g.key, devices: g.devices, kaspersky: g.kasperskyDevices }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
  };
}

/** Every assumption in force (defaults, each replaced by the scenario's own), marked when the scenario changed it. */
export function memoLedger(defaults: Iterable<Assumption>, overrides: readonly Assumption[]): MemoInputs["assumptions"] {
  const changed = new Set(overrides.map((a) => a.id));
  return [...new Map([...defaults, ...overrides].map((a) => [a.id, a])).values()].map((a) => ({ ...a, changed: changed.has(a.id) }));
}
