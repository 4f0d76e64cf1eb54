/**
 * The Exposure page's run: 100,000 trials over a 100,000-device fleet (the sample repeated),
 * with sensitivity (doing nothing). Target: under 250 ms.
 *
 * Then the one evaluation as the pages run it: the sample organisation's scenario with its plan,
 * loss and cost sharing each of its 20,000 trials, compared with the three other presets (the
 * Scenarios page), and `offramp model` as a whole process, start-up included.
 */
import { readFileSync } from "node:fs";
import { loadFleet } from "../loaders/data/workbook.js";
import { exposureReport } from "../src/lib/model/exposure-report.js";
import { evaluateInDetail, evaluateWorkbook } from "../src/lib/model/evaluate.js";
import { loadScenario } from "../loaders/model/scenario.js";
import { spawnSync } from "node:child_process";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { time } from "./timing.js";

export async function benchExposure(devices = 100_000, trials = 100_000): Promise<string[]> {
  const fleet = await loadFleet();
  const rows: FleetRow[] = Array.from({ length: devices }, (_, i) => ({ ...fleet.rows[i % fleet.rows.length]!, deviceId: `d${i}` }));
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const profile = JSON.parse(readFileSync("data/profiles/sample-organisation.json", "utf8")).profile;
  const assumptions = assumptionIndex(defaults);
  const { ms, result } = time(() => exposureReport({ rows, assumptions, profile, asOf: "2026-11-25", updatesStopped: fleet.updatesStopped.date, trials, seed: 1, riskTolerance: 5e6, keepDraws: true }), 5, 1);
  const loaded = await loadScenario("data/scenarios/sample-organisation.json");
  const presets = await Promise.all(["accept-and-isolate", "phased-by-criticality", "wait-for-renewal"].map((id) => loadScenario(`data/scenarios/presets/${id}.json`)));
  const one = time(() => evaluateInDetail(loaded.scenario, loaded.context), 3, 1);
  const four = time(() => evaluateWorkbook(loaded.scenario, presets.map((p) => p.scenario), loaded.context), 3, 1);
  const cli = wholeProcess(["cli/offramp.js", "model", "--scenario", "data/scenarios/sample-organisation.json", "--json"]);
  return [
    `one evaluation, sample organisation (4,001 devices), ${loaded.scenario.trials.toLocaleString("en-US")} trials of plan, loss and cost`,
    `  ${one.ms.toFixed(0)} ms; with three alternatives and the decision (the Scenarios page) ${four.ms.toFixed(0)} ms; offramp model --json as a whole process ${cli.ms.toFixed(0)} ms, peak RSS ${cli.peakMb.toFixed(0)} MB`,
    `exposure and loss, ${trials.toLocaleString("en-US")} trials over ${devices.toLocaleString("en-US")} devices (with tornado and value of information)`,
    `  ${ms.toFixed(0)} ms (target under 250 ms); expected annual loss $${Math.round(result.loss.expectedAnnualLoss.value).toLocaleString("en-US")} ± $${Math.round(result.loss.expectedAnnualLoss.standardError).toLocaleString("en-US")}`,
  ];
}

/** Wall time of a whole `node` process, start-up included, and its peak memory as the CLI reports it (OFFRAMP_STATS). */
function wholeProcess(args: string[]): { ms: number; peakMb: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, OFFRAMP_STATS: "1" } });
  const ms = performance.now() - start;
  const stats = /^stats: (.*)$/m.exec(r.stderr);
  return { ms, peakMb: stats ? (JSON.parse(stats[1]!) as { peakRssMb: number }).peakRssMb : Number.NaN };
}
