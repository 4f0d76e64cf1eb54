/**
 * The Exposure page's run: 100,000 trials over a 100,000-device fleet (the sample repeated),
 * with sensitivity and a plan's line. Target: under 250 ms, so sliders feel instant in the
 * page's worker. The plan's share still frozen week by week comes from the evaluation in the
 * page; here it is a fixed 26-week straight line, so only the exposure and loss model is timed.
 */
import { readFileSync } from "node:fs";
import { loadFleet } from "../loaders/data/workbook.js";
import { exposureReport } from "../src/lib/model/exposure-report.js";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { time } from "./timing.js";

export async function benchExposure(devices = 100_000, trials = 100_000): Promise<string[]> {
  const fleet = await loadFleet();
  const rows: FleetRow[] = Array.from({ length: devices }, (_, i) => ({ ...fleet.rows[i % fleet.rows.length]!, deviceId: `d${i}` }));
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const profile = JSON.parse(readFileSync("data/profiles/sample-organisation.json", "utf8")).profile;
  const assumptions = assumptionIndex(defaults);
  // Every frozen device replaced evenly over 26 weeks: the share still frozen at the end of weeks 0–52.
  const { ms, result } = time(() => exposureReport({ rows, assumptions, profile, asOf: "2026-11-25", updatesStopped: fleet.updatesStopped.date, trials, seed: 1, riskTolerance: 5e6, keepDraws: true }), 5, 1);
  return [
    `exposure and loss, ${trials.toLocaleString("en-US")} trials over ${devices.toLocaleString("en-US")} devices (with tornado and value of information)`,
    `  ${ms.toFixed(0)} ms (target under 250 ms); expected annual loss $${Math.round(result.loss.expectedAnnualLoss.value).toLocaleString("en-US")} ± $${Math.round(result.loss.expectedAnnualLoss.standardError).toLocaleString("en-US")}`,
  ];
}
