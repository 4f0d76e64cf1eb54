/** `offramp model`: every figure the workbook, the memo and the Scenarios page show for a scenario, from the one evaluation. */
import { parseArgs } from "node:util";
import { evaluateWorkbook, withoutDraws, type WorkbookEvaluation } from "../src/lib/model/evaluate.js";
import { outlookText } from "../src/lib/model/timeline-report.js";
import { loadScenario } from "../loaders/model/scenario.js";
import { readJson } from "../loaders/data/read.js";
import { parseScenario } from "../src/lib/scenario/parse.js";
import { spreadFlags, wholeNumber } from "./args.js";
import { UsageError, type Command } from "./command.js";
import { inventoryReport } from "../src/lib/ingest/inventory-report.js";
import { reportInventory } from "./inventory-report.js";

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

/** The evaluation as JSON: every figure, without the per-trial draws. */
export function evaluationJson(result: WorkbookEvaluation) {
  const { subject } = result;
  const { monthlyAtLikely: _m, ...cost } = subject.cost;
  return {
    evaluation: withoutDraws(subject.evaluation),
    alternatives: result.alternatives.map(withoutDraws),
    decision: result.decision,
    exposure: subject.exposure,
    cost,
    timeline: subject.timeline && {
      trials: subject.timeline.trials,
      completion: subject.timeline.completion,
      done: subject.timeline.done,
      waves: subject.timeline.waves,
      phases: subject.timeline.phases,
      burnDown: subject.timeline.burnDown,
    },
  };
}

export const model: Command = {
  async run(args, io) {
    const { values } = parseArgs({ args: spreadFlags(args, ["--compare"]), options: { scenario: { type: "string" }, compare: { type: "string", multiple: true }, seed: { type: "string" }, trials: { type: "string" }, json: { type: "boolean", default: false }, "allow-missing": { type: "boolean", default: false } } });
    if (!values.scenario) throw new UsageError("--scenario FILE is required (data/scenarios/sample-organisation.json is an example)");
    const seed = wholeNumber("seed", values.seed, 0, 0xffffffff);
    const trials = wholeNumber("trials", values.trials, 100, 1_000_000);
    const loaded = await loadScenario(values.scenario);
    // The compared scenarios are evaluated on this scenario's fleet, so only its own files' warnings bear on the figures.
    for (const warning of loaded.warnings) io.err(warning);
    const inventory = inventoryReport(loaded.sources);
    const stop = reportInventory(inventory, io, values["allow-missing"]);
    if (stop !== null) return stop;
    // Compared scenarios are evaluated on this scenario's organisation (alternativeFor): only their own fields are read, not their inventories.
    const others = await Promise.all((values.compare ?? []).map(async (f) => parseScenario(await readJson(f), f)));
    const scenario = { ...loaded.scenario, ...(seed === undefined ? {} : { seed }), ...(trials === undefined ? {} : { trials }) };
    const result = evaluateWorkbook(scenario, others, loaded.context);
    if (values.json) {
      io.out(JSON.stringify({ scenario: { file: loaded.file, id: scenario.id, name: scenario.name, asOf: scenario.asOf, seed: scenario.seed, trials: scenario.trials, warnings: loaded.warnings, inventory }, ...evaluationJson(result) }, null, 2));
      return 0;
    }
    const e = result.subject.evaluation;
    const c = e.counts;
    const lines = [
      `${scenario.name} (as of ${scenario.asOf}; ${e.trials.toLocaleString("en-US")} trials, seed ${e.seed}; one world per trial for the plan, the loss and the cost)`,
      `  devices ${c.devices.toLocaleString("en-US")}, running Kaspersky ${c.kasperskyDevices.toLocaleString("en-US")}, frozen protection ${c.frozenDevices.toLocaleString("en-US")}${c.assumedFrozen ? ` (${c.assumedFrozen.toLocaleString("en-US")} assumed frozen: no signature date)` : ""}${c.violations ? `, violations ${c.violations.toLocaleString("en-US")}` : ""}`,
      `  expected loss, coming year, doing nothing   ${usd(e.lossDoingNothing.mean)} ± ${usd(e.lossDoingNothing.standardError)}`,
      `    of which frozen Kaspersky adds            ${usd(e.attributableDoingNothing.mean)} ± ${usd(e.attributableDoingNothing.standardError)} (the rest is the baseline no option removes)`,
      `  expected loss, coming year, with the plan   ${usd(e.lossWithPlan.mean)} ± ${usd(e.lossWithPlan.standardError)} (the plan saves ${usd(e.planSaving.mean)} ± ${usd(e.planSaving.standardError)})`,
      `  one year in ten the loss exceeds            ${usd(e.lossWithPlan.p90)} ± ${usd(e.lossWithPlan.p90StandardError)} (with the plan)`,
      `  cost of "${e.optionName}" over ${e.horizonMonths} months  P10 ${usd(e.cost.p[10])}, P50 ${usd(e.cost.p[50])}, P90 ${usd(e.cost.p[90])} (mean ${usd(e.cost.mean)} ± ${usd(e.cost.standardError)})`,
      `  cost plus expected loss over the horizon    ${usd(e.horizonTotal.mean)} ± ${usd(e.horizonTotal.standardError)}`,
      ...(e.completion ? [`  Kaspersky gone: median ${e.completion.p50 ?? "never"}, P80 ${e.completion.p80 ?? "never"}`] : ["  no migration planned"]),
      ...e.deadlines.map((d) => `  ${d.deadline.date} ${d.deadline.label}: ${outlookText(d)}`),
    ];
    if (result.decision?.recommendation) {
      lines.push("", "Decision (cost plus expected loss over the horizon, paired):");
      for (const r of result.decision.ranking) lines.push(`  ${r.name.padEnd(32)} ${usd(r.total.mean).padStart(12)} ± ${usd(r.total.standardError)}${r.versusBest ? (r.versusBest.tie ? "  (tied with the best: within Monte Carlo error)" : `  +${usd(r.versusBest.meanDifference)} ± ${usd(r.versusBest.standardError)}`) : "  (lowest)"}${r.misses.length ? `  misses ${r.misses.map((m) => m.deadline.label).join(", ")}` : ""}`);
      lines.push(`  recommended: ${result.decision.recommendation.name}`, ...result.decision.recommendation.reasons.map((r) => `    - ${r}`));
      lines.push(`  expected value of perfect information: ${usd(result.decision.evpi.value)} ± ${usd(result.decision.evpi.standardError)}`);
    }
    io.out(lines.join("\n"));
    return 0;
  },
};
