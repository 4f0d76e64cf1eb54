/**
 * The Timeline page's run: 10,000 trials of a 100,000-device plan in 50 waves (the sample's
 * Kaspersky devices repeated and spread over 50 business units, one wave each). Target: under 250 ms.
 */
import { readFileSync } from "node:fs";
import { loadFleet } from "../loaders/data/workbook.js";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { frozenRule, isKasperskyDevice } from "../src/lib/model/frozen.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { timelineReport } from "../src/lib/model/timeline-report.js";
import type { MigrationPlan } from "../src/lib/schema/index.js";
import { time } from "./timing.js";

export async function benchTimeline(devices = 100_000, waves = 50, trials = 10_000): Promise<string[]> {
  const fleet = await loadFleet();
  const kaspersky = fleet.rows.filter(isKasperskyDevice);
  const rows: FleetRow[] = Array.from({ length: devices }, (_, i) => ({ ...kaspersky[i % kaspersky.length]!, deviceId: `d${i}`, businessUnit: `unit-${i % waves}` }));
  const r = (low: number, likely: number, high: number) => ({ low, likely, high });
  const plan: MigrationPlan = {
    start: "2026-12-01",
    procurementDays: r(10, 30, 90),
    preparationDays: r(5, 15, 45),
    pilotDays: r(5, 10, 30),
    pilotDevices: 200,
    waves: Array.from({ length: waves }, (_, w) => ({ id: `w${w}`, label: `Unit ${w}`, match: { businessUnit: [`unit-${w}`] } })),
    capacityPerWeek: r(1500, 2500, 4000),
    learningWeeks: 4,
    stragglerShare: r(0.01, 0.05, 0.15),
    stragglerDays: r(5, 20, 60),
    decommissionDays: r(5, 10, 30),
    slippage: r(1, 1.1, 1.6),
    freezes: [{ label: "Year end", from: "2026-12-18", to: "2027-01-04" }],
  };
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const profile = JSON.parse(readFileSync("data/profiles/sample-organisation.json", "utf8")).profile;
  const rule = frozenRule(profile, assumptionIndex(defaults));
  const request = { plan, rows, updatesStopped: fleet.updatesStopped.date, rule, deadlines: [{ id: "d", label: "Deadline", date: "2027-06-30", kind: "internal" as const }], trials, seed: 1 };
  const { ms, result } = time(() => timelineReport(request), 5, 1);
  return [
    `timeline, ${trials.toLocaleString("en-US")} trials of a ${devices.toLocaleString("en-US")}-device plan in ${result.waves.length} waves`,
    `  ${ms.toFixed(0)} ms (target under 250 ms); completion P50 ${result.completion.p50}, P90 ${result.completion.p90}; P(by ${request.deadlines[0]!.date}) ${(result.deadlines[0]!.probability * 100).toFixed(1)}%`,
  ];
}
