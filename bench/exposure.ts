/**
 * The Exposure page's run: 100,000 trials over a 100,000-device fleet (the sample repeated),
 * with sensitivity. Target: under 250 ms, so sliders feel instant in the page's worker.
 */
import { readFileSync } from "node:fs";
import { loadFleet } from "../loaders/data/workbook.js";
import { exposureReport, linearPlan } from "../src/lib/model/exposure-report.js";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { time } from "./timing.js";

export async function benchExposure(devices = 100_000, trials = 100_000): Promise<string[]> {
  const fleet = await loadFleet();
  const rows: FleetRow[] = Array.from({ length: devices }, (_, i) => ({ ...fleet.rows[i % fleet.rows.length]!, deviceId: `d${i}` }));
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const profile = JSON.parse(readFileSync("data/profiles/sample-organisation.json", "utf8")).profile;
  const assumptions = assumptionIndex(defaults);
  const { ms, result } = time(() => exposureReport({ rows, assumptions, profile, asOf: "2026-11-25", updatesStopped: fleet.updatesStopped.date, trials, seed: 1, riskTolerance: 5e6, planRemaining: linearPlan(26) }), 5, 1);
  return [
    `exposure and loss, ${trials.toLocaleString("en-US")} trials over ${devices.toLocaleString("en-US")} devices (with tornado and value of information)`,
    `  ${ms.toFixed(0)} ms (target under 250 ms); expected annual loss $${Math.round(result.loss.expectedAnnualLoss.value).toLocaleString("en-US")} ± $${Math.round(result.loss.expectedAnnualLoss.standardError).toLocaleString("en-US")}`,
  ];
}
