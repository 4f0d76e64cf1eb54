import { exceedance, quantileStandardErrors, summarize } from "../engine/summary.js";
import { deadlinesFor } from "../regulation/deadlines.js";
import type { Assumption, PriceBook, ReplacementOption, Scenario, Timeline } from "../schema/index.js";
import { daysBetween } from "../util/dates.js";
import { costReport, type OptionCost } from "./cost-report.js";
import { deviceExposure, exposureProfile } from "./exposure.js";
import { lossInputsFrom, sizeOf, weightsFrom } from "./exposure-report.js";
import type { FleetRow } from "./fleet.js";
import { simulateLoss } from "./loss.js";
import { assumptionIndex } from "./parameters.js";
import { remainingFromAsOf, timelineReport, type DeadlineOutlook } from "./timeline-report.js";

/** What every scenario is evaluated against: the fleet and the facts in data/. */
export interface EvaluationContext {
  rows: readonly FleetRow[];
  defaults: readonly Assumption[];
  book: PriceBook;
  options: readonly ReplacementOption[];
  regulation: Timeline;
  updatesStopped: string;
}

export interface Evaluation {
  id: string;
  name: string;
  option: string;
  optionName: string;
  frozenDevices: number;
  /** Devices whose Kaspersky use is a violation for this organisation. */
  violations: number;
  /** Expected loss over the coming year under the scenario's plan (or doing nothing), with its SE. */
  loss: { mean: number; standardError: number; p90: number; p90StandardError: number; toleranceProbability: number | null };
  cost: Pick<OptionCost["total"], "mean" | "standardError" | "p"> & { perDevice: number | null };
  deadlines: DeadlineOutlook[];
  completion: string | null;
  frozenDeviceDays: number | null;
  /** Average share of frozen devices still on Kaspersky over the coming year. */
  frozenShareYear: number;
  draws: { loss: Float64Array; cost: Float64Array };
}

export interface EvaluationTrials {
  loss: number;
  cost: number;
  timeline: number;
}

/**
 * One scenario, end to end: its schedule against its deadlines, its loss over the coming year
 * with that schedule, and the cost of its option. Every scenario evaluated with the same seed
 * draws the same random numbers, so two scenarios compare trial by trial.
 */
export function evaluateScenario(scenario: Scenario, context: EvaluationContext, trials: EvaluationTrials): Evaluation {
  const option = context.options.find((o) => o.id === scenario.option);
  if (!option) throw new Error(`scenario "${scenario.name}" names option "${scenario.option}", which is not one of: ${context.options.map((o) => o.id).join(", ")}`);
  const assumptions = assumptionIndex(context.defaults, scenario.assumptions);
  const deadlines = deadlinesFor(context.regulation, scenario.profile, scenario.deadlines);
  const migrates = option.rules.some((r) => r.product !== "keep");
  const timeline = scenario.plan && migrates ? timelineReport({ plan: scenario.plan, rows: context.rows, updatesStopped: context.updatesStopped, deadlines, trials: trials.timeline, seed: scenario.seed }) : null;
  const remaining = timeline ? remainingFromAsOf(timeline, scenario.asOf).slice(0, 52) : null;
  const frozenShareYear = remaining ? remaining.reduce((a, b) => a + b, 0) / remaining.length : 1;

  const size = scenario.organisationSize ?? sizeOf(context.rows.length);
  const exposures = deviceExposure(context.rows, { asOf: scenario.asOf, updatesStopped: context.updatesStopped, weights: weightsFrom(assumptions), profile: scenario.profile });
  const profile = exposureProfile(exposures);
  const loss = simulateLoss(profile, lossInputsFrom(assumptions, size), { trials: trials.loss, seed: scenario.seed, frozenShare: frozenShareYear });
  const annual = summarize(lossDraws(loss));
  const [p90se] = quantileStandardErrors(lossDraws(loss), [0.9]);

  const cost = costReport({ rows: context.rows, options: [option], book: context.book, assumptions, horizonMonths: scenario.horizonMonths ?? 36, trials: trials.cost, seed: scenario.seed, keepDraws: true });
  const optionCost = cost.options[0]!;
  return {
    id: scenario.id,
    name: scenario.name,
    option: option.id,
    optionName: option.name,
    frozenDevices: profile.frozenDevices,
    violations: profile.violations,
    loss: { mean: annual.mean, standardError: annual.standardError, p90: annual.p[90], p90StandardError: p90se!, toleranceProbability: scenario.riskTolerance === undefined ? null : exceedance(lossDraws(loss), scenario.riskTolerance).probability },
    cost: { mean: optionCost.total.mean, standardError: optionCost.total.standardError, p: optionCost.total.p, perDevice: optionCost.perDevice },
    // Without a plan nothing is ever migrated: every deadline is missed (or had passed already).
    deadlines: timeline?.deadlines ?? deadlines.map((deadline) => ({ deadline, probability: 0, standardError: 0, passed: daysBetween(scenario.asOf, deadline.date) < 0 })),
    completion: timeline?.completion.p50 ?? null,
    frozenDeviceDays: timeline?.frozenDeviceDays.p50 ?? null,
    frozenShareYear,
    draws: { loss: lossDraws(loss), cost: cost.draws![0]! },
  };
}

function lossDraws(result: ReturnType<typeof simulateLoss>): Float64Array {
  return result.annualDraws;
}
