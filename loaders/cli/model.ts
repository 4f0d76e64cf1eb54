/** `offramp model`: the model's figures for a scenario (exposure now; cost and timeline to come). */
import { parseArgs } from "node:util";
import { costReport } from "../../src/lib/model/cost-report.js";
import { exposureReport } from "../../src/lib/model/exposure-report.js";
import { remainingFromAsOf, timelineReport } from "../../src/lib/model/timeline-report.js";
import { deadlinesFor } from "../../src/lib/regulation/deadlines.js";
import { loadScenario } from "../model/scenario.js";
import { UsageError, type Command } from "./command.js";

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

/** Cost runs price every option per trial; beyond this many trials their percentiles no longer move. */
const COST_TRIALS_CAP = 20_000;
/** The schedule simulation's default (and cap): 10,000 trials. */
const TIMELINE_TRIALS_CAP = 10_000;

export const model: Command = {
  name: "model",
  summary: "exposure and expected loss for a scenario, with Monte Carlo standard errors (--json for all figures)",
  usage: "offramp model --scenario FILE [--seed N] [--trials N] [--json]",
  async run(args, io) {
    const { values } = parseArgs({ args, options: { scenario: { type: "string" }, seed: { type: "string" }, trials: { type: "string" }, json: { type: "boolean", default: false } } });
    if (!values.scenario) throw new UsageError("--scenario FILE is required (data/scenarios/sample-organisation.json is an example)");
    const integer = (name: string, text: string | undefined, min: number, max: number) => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
      return n;
    };
    const seed = integer("seed", values.seed, 0, 0xffffffff);
    const trials = integer("trials", values.trials, 1, 10_000_000);
    const loaded = await loadScenario(values.scenario);
    const { scenario } = loaded;
    const timeline = scenario.plan
      ? timelineReport({
          plan: scenario.plan,
          rows: loaded.rows,
          updatesStopped: loaded.updatesStopped,
          deadlines: deadlinesFor(loaded.timeline, scenario.profile, scenario.deadlines),
          trials: Math.min(trials ?? scenario.trials, TIMELINE_TRIALS_CAP),
          seed: seed ?? scenario.seed,
        })
      : null;
    const exposure = exposureReport({
      rows: loaded.rows,
      assumptions: loaded.assumptions,
      profile: scenario.profile,
      asOf: scenario.asOf,
      updatesStopped: loaded.updatesStopped,
      trials: trials ?? scenario.trials,
      seed: seed ?? scenario.seed,
      size: scenario.organisationSize,
      riskTolerance: scenario.riskTolerance,
      planRemaining: timeline ? remainingFromAsOf(timeline, scenario.asOf) : undefined,
    });
    const cost = costReport({
      rows: loaded.rows,
      options: loaded.options,
      book: loaded.book,
      assumptions: loaded.assumptions,
      horizonMonths: scenario.horizonMonths ?? 36,
      trials: Math.min(trials ?? scenario.trials, COST_TRIALS_CAP),
      seed: seed ?? scenario.seed,
    });
    if (values.json) {
      const costJson = { ...cost, options: cost.options.map(({ monthlyAtLikely: _monthly, ...o }) => o) };
      const timelineJson = timeline && {
        trials: timeline.trials,
        completion: timeline.completion,
        done: timeline.done,
        deadlines: timeline.deadlines.map((d) => ({ id: d.deadline.id, label: d.deadline.label, date: d.deadline.date, kind: d.deadline.kind, probability: d.probability, standardError: d.standardError, passed: d.passed })),
        exposureDeviceDays: timeline.frozenDeviceDays,
        waves: timeline.waves,
        phases: timeline.phases,
      };
      io.out(JSON.stringify({ scenario: { file: loaded.file, id: scenario.id, name: scenario.name, asOf: scenario.asOf, seed: exposure.loss.seed, trials: exposure.loss.trials }, exposure, cost: costJson, timeline: timelineJson }, null, 2));
      return 0;
    }
    const l = exposure.loss;
    io.out(
      [
        `${scenario.name} (as of ${scenario.asOf}; ${l.trials.toLocaleString("en-US")} trials, seed ${l.seed})`,
        `  devices ${exposure.devices.toLocaleString("en-US")}, running Kaspersky ${exposure.kasperskyDevices.toLocaleString("en-US")}, frozen protection ${exposure.frozenDevices.toLocaleString("en-US")}${exposure.violations ? `, violations ${exposure.violations}` : ""}`,
        `  fleet infection multiplier ${exposure.fleetMultiplier.toFixed(2)}x (frozen share of weighted fleet ${(exposure.frozenWeightShare * 100).toFixed(1)}%)`,
        `  expected annual loss ${usd(l.expectedAnnualLoss.value)} ± ${usd(l.expectedAnnualLoss.standardError)} (Monte Carlo SE)`,
        `  annual loss P90 ${usd(l.percentiles.p90.value)} ± ${usd(l.percentiles.p90.standardError)}, P95 ${usd(l.percentiles.p95.value)} ± ${usd(l.percentiles.p95.standardError)}`,
        `  cost of delay ${usd(l.costOfDelayPerWeek.mean)} ± ${usd(l.costOfDelayPerWeek.standardError)} a week (P10 ${usd(l.costOfDelayPerWeek.p[10])}, P90 ${usd(l.costOfDelayPerWeek.p[90])})`,
        ...(l.tolerance ? [`  P(annual loss > ${usd(l.tolerance.threshold)}) = ${(l.tolerance.probability * 100).toFixed(2)}% ± ${(l.tolerance.standardError * 100).toFixed(2)}%`] : []),
        `  refine first: ${exposure.valueOfInformation.slice(0, 2).map((v) => `${v.label} (${(v.share * 100).toFixed(0)}% of the variance)`).join("; ")}`,
        l.convergence.converged ? "  converged" : `  not converged at 1%: relative SE ${(l.convergence.relativeError * 100).toFixed(2)}%; more trials would narrow it`,
        ...(exposure.yearAhead.plan === null ? [] : [`  expected loss over the coming year: doing nothing ${usd(exposure.yearAhead.doNothing)}, with the plan ${usd(exposure.yearAhead.plan)}`]),
        ...(timeline
          ? [
              "",
              `Timeline (${timeline.trials.toLocaleString("en-US")} trials from ${timeline.start})`,
              `  every device off Kaspersky: P50 ${timeline.completion.p50}, P80 ${timeline.completion.p80}, P90 ${timeline.completion.p90}`,
              ...timeline.deadlines.map((d) => `  ${d.deadline.date} ${d.deadline.label}: ${d.passed ? "passed before the plan starts" : `P(met) ${(d.probability * 100).toFixed(1)}% ± ${(d.standardError * 100).toFixed(1)}%`}`),
              `  frozen device-days until done: P50 ${Math.round(timeline.frozenDeviceDays.p50).toLocaleString("en-US")}`,
            ]
          : []),
        "",
        `Cost over ${cost.horizonMonths} months, present value (${cost.trials.toLocaleString("en-US")} trials)`,
        ...cost.options.map((o) => `  ${o.name.padEnd(36)} P10 ${usd(o.total.p[10]).padStart(11)}  P50 ${usd(o.total.p[50]).padStart(11)}  P90 ${usd(o.total.p[90]).padStart(11)}${o.perDevice === null ? "" : `  (${usd(o.perDevice)} per device)`}`),
      ].join("\n"),
    );
    return 0;
  },
};
