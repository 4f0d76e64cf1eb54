import { pricedBook } from "./prices.js";
import { overrideProblems } from "./bounds.js";
import { quantileStandardErrors, summarize, exceedance, quantilesOf } from "../engine/summary.js";
import { deadlinePassed, deadlinesFor } from "../regulation/deadlines.js";
import { quantileFunction } from "../engine/quantile.js";
import { streamKey, uniformAt } from "../engine/streams.js";
import { DAYS_PER_MONTH } from "./cost.js";
import type { Assumption, PriceBook, ReplacementOption, Scenario, Timeline } from "../schema/index.js";
import { daysBetween } from "../util/dates.js";
import { keeps } from "./cost-plan.js";
import { COST_ASSUMPTIONS, costReport, costStream, EFFORT_ASSUMPTIONS, type CostReport, type OptionCost } from "./cost-report.js";
import { decide, type DecisionAnalysis, type DecisionInput } from "../scenario/compare.js";
import { deviceExposure, lossFleet } from "./exposure.js";
import { exposureReport, INPUT_ASSUMPTIONS, lossInputsFrom, sizeOf, weightsFrom, type ExposureReport } from "./exposure-report.js";
import type { FleetRow } from "./fleet.js";
import { deviceCounts, FROZEN_RULE_ASSUMPTIONS, frozenRule, frozenStatus, isKasperskyDevice, type DeviceCounts } from "./frozen.js";
import { lossSampler, UNCERTAIN_INPUTS, YEAR_WEEKS } from "./loss.js";
import { paired, type PairedComparison } from "./paired.js";
import { assumptionIndex, requireAssumption, toDistribution } from "./parameters.js";
import { waveIndexOf, waveRemaining } from "./schedule.js";
import { rangeDistribution, timelineReport, type DeadlineOutlook, type TimelineReport } from "./timeline-report.js";

/** What every scenario is evaluated against: the fleet and the facts in data/. */
export interface EvaluationContext {
  rows: readonly FleetRow[];
  defaults: readonly Assumption[];
  book: PriceBook;
  options: readonly ReplacementOption[];
  regulation: Timeline;
  updatesStopped: string;
}

/** A Monte Carlo mean with its standard error. */
export interface MeanEstimate {
  mean: number;
  standardError: number;
}

/** Annual loss over the coming year: its mean, its P90, and P(above the tolerance), each with its standard error. */
export interface YearLoss extends MeanEstimate {
  p90: number;
  p90StandardError: number;
  toleranceProbability: number | null;
  toleranceStandardError: number | null;
}

/** An evaluation without its per-trial draws: what workers post, the CLI prints and the memo states. */
export const withoutDraws = <T extends { draws: unknown }>({ draws: _d, ...rest }: T): Omit<T, "draws"> => rest;

/**
 * Every figure the workbook shows for one scenario, computed once. Pages, workers, the CLI and
 * the memo print these and nothing else, so a figure with the same name is the same number.
 */
export interface Evaluation {
  id: string;
  name: string;
  option: string;
  optionName: string;
  asOf: string;
  seed: number;
  /** Trials of every part of the model: trial t is one world for the plan, the loss and the cost. */
  trials: number;
  horizonMonths: number;
  counts: DeviceCounts;
  /** Expected loss over the coming year if nothing is done: every frozen device stays frozen. */
  lossDoingNothing: YearLoss;
  /** Expected loss over the coming year under this scenario's plan (the same as doing nothing without one). */
  lossWithPlan: YearLoss;
  /** What the plan saves over the coming year: doing nothing minus with the plan, paired. */
  planSaving: MeanEstimate;
  /** Of the loss doing nothing, the part frozen Kaspersky adds: above the same fleet fully protected. */
  attributableDoingNothing: MeanEstimate;
  /** The baseline no option removes: the coming year's loss with nothing frozen. */
  baseline: MeanEstimate;
  /** Present-value cost of the option over the horizon, from the cost model. */
  cost: Pick<OptionCost["total"], "mean" | "standardError" | "p"> & { perDevice: number | null };
  /** Expected loss over the horizon under the plan (undiscounted). */
  horizonLoss: MeanEstimate;
  /** What the decision ranks on: cost plus expected loss over the horizon. */
  horizonTotal: MeanEstimate & { p10: number; p50: number; p90: number };
  deadlines: DeadlineOutlook[];
  completion: { p50: string | null; p80: string | null } | null;
  /** Frozen device-days from the as-of date until each migrating device is off Kaspersky, within the horizon (median). */
  frozenDeviceDays: number | null;
  /** Average share of the frozen weight still on Kaspersky over the coming year (1 without a plan). */
  frozenShareYear: number;
  /** Devices the option leaves on Kaspersky. */
  keptDevices: number;
  /** Prepaid Kaspersky licences: the same whatever is chosen, so in no option's cost. */
  sunkPrepaid: number | null;
  /** Per-trial draws, for pairing with other scenarios on the same seed; dropped before crossing threads. */
  draws: { lossYear: Float64Array; cost: Float64Array; horizonTotal: Float64Array };
}

/** Also returned: the full reports behind the figures, for the pages' charts. */
/** Expected annual-loss rate in one week from the as-of date: the mean over the trials, doing nothing and with the plan. */
export interface WeeklyLoss {
  week: number;
  doNothing: number;
  plan: number | null;
}

export interface EvaluationDetail {
  evaluation: Evaluation;
  /** The coming year week by week (the Exposure page's chart). */
  overTime: WeeklyLoss[];
  /** Every option priced on this scenario's schedule and draws, when asked for (the Cost page); its own option is `cost`. */
  costs: Omit<CostReport, "draws"> | null;
  exposure: ExposureReport;
  timeline: TimelineReport | null;
  cost: OptionCost;
}


/**
 * One scenario, end to end, with one set of trials: the plan's schedule per trial (against every
 * deadline), the loss over the coming year and the horizon with that schedule (each frozen device
 * weighed, wave by wave, so the order of the waves matters), and the option's cost with that
 * schedule. Every scenario evaluated with the same seed and trials draws the same random numbers
 * for every quantity they share, so two scenarios compare trial by trial.
 */
export function evaluateScenario(scenario: Scenario, context: EvaluationContext): Evaluation {
  return evaluateInDetail(scenario, context).evaluation;
}

export interface DetailOptions {
  /** Also price every other option on the same schedule and draws (each option's total is unchanged by the others: its inputs have their own substreams). */
  allOptions?: boolean;
}

export function evaluateInDetail(scenario: Scenario, context: EvaluationContext, detail: DetailOptions = {}): EvaluationDetail {
  const n = scenario.trials;
  const option = context.options.find((o) => o.id === scenario.option);
  if (!option) throw new Error(`scenario "${scenario.name}" names option "${scenario.option}", which is not one of: ${context.options.map((o) => o.id).join(", ")}`);
  // Values no organisation has (a share of 7, a negative loss) are refused here, naming the assumption.
  const problems = overrideProblems(scenario, context.defaults);
  if (problems.length) throw new RangeError(`scenario "${scenario.name}": ${problems.join("; ")}`);
  const assumptions = assumptionIndex(context.defaults, scenario.assumptions);
  const rule = frozenRule(scenario.profile, assumptions);
  const counts = deviceCounts(context.rows, context.updatesStopped, rule, scenario.profile);
  const deadlines = deadlinesFor(context.regulation, scenario.profile, scenario.deadlines);
  const horizonMonths = scenario.horizonMonths ?? 36;
  const size = scenario.organisationSize ?? sizeOf(context.rows.length);
  const inputs = lossInputsFrom(assumptions, size);

  // The devices the option keeps on Kaspersky; the plan migrates the rest.
  const migrating = context.rows.filter((r) => isKasperskyDevice(r) && !keeps(option, r));
  const keptDevices = counts.kasperskyDevices - migrating.length;
  const plan = scenario.plan && migrating.length > 0 ? scenario.plan : null;
  const isFrozen = (row: FleetRow) => frozenStatus(row, context.updatesStopped, rule).frozen;

  // Groups of frozen devices that migrate together: the plan's waves (the rest of the fleet's
  // Kaspersky devices in a last wave), then those the option keeps.
  const exposures = deviceExposure(context.rows, { asOf: scenario.asOf, updatesStopped: context.updatesStopped, weights: weightsFrom(assumptions), profile: scenario.profile, rule });
  const waveCount = plan ? plan.waves.length + 1 : 0;
  const kept = waveCount;
  const fleet = lossFleet(exposures, (i) => (!plan || keeps(option, context.rows[i]!) ? kept : waveIndexOf(plan, context.rows[i]!)), waveCount + 1);
  const horizonWeeks = Math.round((horizonMonths * DAYS_PER_MONTH) / 7);
  const sampler = lossSampler(fleet, inputs, scenario.seed, horizonWeeks);
  const weeks = sampler.weeks;
  // The cost model's discount rate, drawn from its own substream: the same draw the cost model uses in each trial.
  const discountRate = quantileFunction(toDistribution(requireAssumption(assumptions, COST_ASSUMPTIONS.discountRate)));
  const discountKey = streamKey(scenario.seed, costStream("discountRate"));
  const remaining = new Float64Array((waveCount + 1) * weeks).fill(1);
  const lossYear = new Float64Array(n);
  const baselineYear = new Float64Array(n);
  const horizonLoss = new Float64Array(n);
  const frozenShare = new Float64Array(n);
  const migrationMonths = new Float64Array(n);
  const capacity = new Float64Array(n);
  const frozenDeviceDays = new Float64Array(n);
  const frozenWeight = fleet.groups.reduce((s, g) => s + g.frozenWeight, 0);
  // Mean expected annual-loss rate each week of the coming year, with the plan and doing nothing (the Exposure chart).
  const weekly = { plan: new Float64Array(YEAR_WEEKS + 1), doNothing: new Float64Array(YEAR_WEEKS + 1) };
  const year = (t: number, shares: Float64Array | null) => {
    const r = sampler.at(t, shares, { discountRate: discountRate(uniformAt(discountKey, t)), weekly });
    lossYear[t] = r.year;
    baselineYear[t] = r.baselineYear;
    horizonLoss[t] = r.expectedHorizon;
    if (shares === null || frozenWeight === 0) {
      frozenShare[t] = 1;
      return;
    }
    // The frozen weight still frozen, averaged over the coming year; and frozen device-days from the as-of date over the horizon.
    let left = 0;
    let deviceDays = 0;
    for (let g = 0; g < fleet.groups.length; g++) {
      const group = fleet.groups[g]!;
      for (let j = 0; j < sampler.horizonWeeks; j++) {
        const share = shares[g * weeks + j]!;
        if (j < YEAR_WEEKS) left += (group.frozenWeight * share) / YEAR_WEEKS;
        if (g !== kept) deviceDays += 7 * group.frozenDevices * share;
      }
    }
    frozenShare[t] = left / frozenWeight;
    frozenDeviceDays[t] = deviceDays;
  };

  let timeline: TimelineReport | null = null;
  if (plan) {
    // Days from the plan's start to the as-of date (negative when the plan starts later).
    const offset = daysBetween(plan.start, scenario.asOf);
    const sampleDays = Float64Array.from({ length: weeks }, (_, j) => offset + 7 * (j + 0.5));
    const waveShares = new Float64Array(waveCount * weeks);
    let groupOfWave: number[] | null = null;
    timeline = timelineReport({
      plan,
      rows: migrating,
      updatesStopped: context.updatesStopped,
      rule,
      asOf: scenario.asOf,
      deadlines,
      trials: n,
      seed: scenario.seed,
      onTrial: (t, s, values, ws, waves) => {
        waveRemaining(ws, waves, values.stragglerShare, sampleDays, waveShares);
        // The timeline lists the waves that have devices; their groups follow the plan's order, the rest last.
        groupOfWave ??= waves.map((w) => (w.id === "unassigned" ? plan.waves.length : plan.waves.findIndex((p) => p.id === w.id)));
        for (let k = 0; k < waves.length; k++) remaining.set(waveShares.subarray(k * weeks, (k + 1) * weeks), groupOfWave[k]! * weeks);
        year(t, remaining);
        // Months from the as-of date until the last device is off Kaspersky (the cost model's migration window).
        migrationMonths[t] = Math.max(0, s.allMigrated - Math.max(0, offset)) / DAYS_PER_MONTH;
        capacity[t] = values.capacityPerWeek;
      },
    });
  } else {
    for (let t = 0; t < n; t++) year(t, null);
  }

  // Doing nothing: the exposure report (with its sensitivity), on the same seed and trials.
  const exposure = exposureReport({ rows: context.rows, assumptions, profile: scenario.profile, asOf: scenario.asOf, updatesStopped: context.updatesStopped, trials: n, seed: scenario.seed, size, riskTolerance: scenario.riskTolerance, keepDraws: true, exposures });
  const doNothingYear = exposure.annualDraws!;
  // The chart's two lines: the simulation's mean weekly rates, so the plan line is the loss model's own.
  const overTime = Array.from({ length: YEAR_WEEKS + 1 }, (_, week) => ({ week, doNothing: weekly.doNothing[week]! / n, plan: plan ? weekly.plan[week]! / n : null }));

  const cost = costReport({
    rows: context.rows,
    options: detail.allOptions ? [option, ...context.options.filter((o) => o !== option)] : [option],
    book: pricedBook(context.book, scenario.prices ?? []).book,
    assumptions,
    horizonMonths,
    trials: n,
    seed: scenario.seed,
    keepDraws: true,
    isFrozen,
    ...(plan ? { schedule: { startMonth: Math.max(0, Math.round(daysBetween(scenario.asOf, plan.start) / DAYS_PER_MONTH)), migrationMonths, capacityPerWeek: capacity, frozenDeviceDays } } : {}),
  });
  const optionCost = cost.options[0]!;
  const costDraws = cost.draws![0]!;
  const total = new Float64Array(n);
  for (let t = 0; t < n; t++) total[t] = costDraws[t]! + horizonLoss[t]!;

  // A deadline is met when every Kaspersky device is gone by it: never while the option keeps some, always when there are none.
  const outlook = (d: DeadlineOutlook): DeadlineOutlook => (counts.kasperskyDevices === 0 ? { ...d, probability: 1, standardError: 0 } : keptDevices > 0 || !plan ? { ...d, probability: 0, standardError: 0 } : d);
  const outlooks = timeline ? timeline.deadlines.map(outlook) : deadlines.map((deadline) => outlook({ deadline, probability: 0, standardError: 0, passed: deadlinePassed(scenario.asOf, deadline) }));

  const yearLoss = (draws: Float64Array): YearLoss => {
    const s = summarize(draws);
    const [p90se] = quantileStandardErrors(draws, [0.9]);
    const tolerance = scenario.riskTolerance === undefined ? null : exceedance(draws, scenario.riskTolerance);
    return { mean: s.mean, standardError: s.standardError, p90: s.p[90], p90StandardError: p90se!, toleranceProbability: tolerance?.probability ?? null, toleranceStandardError: tolerance?.standardError ?? null };
  };
  const estimate = (draws: Float64Array): MeanEstimate => {
    const s = summarize(draws);
    return { mean: s.mean, standardError: s.standardError };
  };
  const difference = (a: Float64Array, b: Float64Array): MeanEstimate => {
    const d = paired(a, b);
    return { mean: d.meanDifference, standardError: d.standardError };
  };
  const lossDoingNothing = yearLoss(doNothingYear);
  const totalSummary = summarize(total);
  const [c50, c80] = timeline ? [timeline.completion.p50, timeline.completion.p80] : [null, null];
  const evaluation: Evaluation = {
    id: scenario.id,
    name: scenario.name,
    option: option.id,
    optionName: option.name,
    asOf: scenario.asOf,
    seed: scenario.seed,
    trials: n,
    horizonMonths,
    counts,
    lossDoingNothing,
    lossWithPlan: plan ? yearLoss(lossYear) : lossDoingNothing,
    planSaving: plan ? difference(doNothingYear, lossYear) : { mean: 0, standardError: 0 },
    attributableDoingNothing: difference(doNothingYear, baselineYear),
    baseline: estimate(baselineYear),
    cost: { mean: optionCost.total.mean, standardError: optionCost.total.standardError, p: optionCost.total.p, perDevice: optionCost.perDevice },
    horizonLoss: estimate(horizonLoss),
    horizonTotal: { mean: totalSummary.mean, standardError: totalSummary.standardError, p10: totalSummary.p[10], p50: totalSummary.p[50], p90: totalSummary.p[90] },
    deadlines: outlooks,
    completion: timeline ? { p50: c50!, p80: c80! } : null,
    frozenDeviceDays: plan ? quantilesOf(frozenDeviceDays, [0.5])[0]! : null,
    frozenShareYear: estimate(frozenShare).mean,
    keptDevices,
    sunkPrepaid: cost.sunkPrepaid.mean,
    draws: { lossYear: plan ? lossYear : doNothingYear, cost: costDraws, horizonTotal: total },
  };
  const { annualDraws: _drop, ...exposureWithoutDraws } = exposure;
  const { draws: _costDraws, ...costs } = cost;
  return { evaluation, overTime, exposure: exposureWithoutDraws, timeline, cost: optionCost, costs: detail.allOptions ? { ...costs, options: context.options.map((o) => costs.options.find((c) => c.optionId === o.id)!) } : null };
}

/** Paired comparisons of two evaluations on the same seed and trials: loss over the coming year, cost, and cost plus loss over the horizon. */
export function compareEvaluations(a: Evaluation, b: Evaluation): { loss: PairedComparison; cost: PairedComparison; total: PairedComparison } {
  if (a.seed !== b.seed || a.trials !== b.trials) throw new Error(`scenarios "${a.name}" and "${b.name}" use different seeds or trial counts, so their draws do not pair`);
  return { loss: paired(a.draws.lossYear, b.draws.lossYear), cost: paired(a.draws.cost, b.draws.cost), total: paired(a.draws.horizonTotal, b.draws.horizonTotal) };
}

/** The uncertain inputs the decision is most sensitive to, named by the substream each is drawn from. */
export function decisionInputs(scenario: Scenario, context: EvaluationContext): DecisionInput[] {
  const assumptions = assumptionIndex(context.defaults, scenario.assumptions);
  const size = scenario.organisationSize ?? sizeOf(context.rows.length);
  const loss = lossInputsFrom(assumptions, size);
  const ids = INPUT_ASSUMPTIONS(size);
  const fromAssumption = (id: string, stream: string): DecisionInput => {
    const a = requireAssumption(assumptions, id);
    return { id, label: a.label, stream, distribution: toDistribution(a), unit: a.unit };
  };
  return [
    ...UNCERTAIN_INPUTS.map((k) => ({ ...fromAssumption(ids[k], `loss.${k}`), distribution: loss[k] })),
    ...(scenario.plan
      ? [
          { id: "plan.capacityPerWeek", label: "The team's capacity (devices a week)", stream: "plan.capacityPerWeek", distribution: rangeDistribution(scenario.plan.capacityPerWeek), unit: "devices/week" },
          { id: "plan.slippage", label: "Slippage (every phase stretched by)", stream: "plan.slippage", distribution: rangeDistribution(scenario.plan.slippage), unit: "×" },
        ]
      : []),
    ...Object.entries(COST_ASSUMPTIONS).map(([key, id]) => fromAssumption(id, costStream(key))),
  ];
}

/**
 * An alternative as the workbook compares it with `subject`: the alternative's strategy (option,
 * plan, horizon, and the assumptions and prices it sets itself) for the subject's organisation
 * (its profile, deadlines, as-of date, inventory, and every other assumption and quoted price),
 * on the subject's seed and trials. A preset written for the sample organisation thus compares
 * fairly for yours, in the same world, and every comparison is paired.
 */
export function alternativeFor(subject: Scenario, alternative: Scenario): Scenario {
  // Beliefs about the world and quotes are the organisation's: the subject's hold unless the alternative sets its own (a strategy's effect, such as isolation's).
  const assumptions = [...new Map([...subject.assumptions, ...alternative.assumptions].map((a) => [a.id, a])).values()];
  const prices = [...new Map([...(subject.prices ?? []), ...(alternative.prices ?? [])].map((p) => [p.product, p])).values()];
  return { ...alternative, profile: subject.profile, deadlines: subject.deadlines, asOf: subject.asOf, inventory: subject.inventory, seed: subject.seed, trials: subject.trials, assumptions, prices };
}

/** A subject scenario and the alternatives it is compared with, all on the subject's seed and trials. */
export interface WorkbookEvaluation {
  subject: EvaluationDetail;
  alternatives: Evaluation[];
  decision: DecisionAnalysis | null;
}

/**
 * The workbook's one evaluation: the subject in detail, each alternative on the subject's seed
 * and trial count (so every comparison is paired), and the decision among them.
 */
export function evaluateWorkbook(subject: Scenario, alternatives: readonly Scenario[], context: EvaluationContext, options: DetailOptions = {}): WorkbookEvaluation {
  const detail = evaluateInDetail(subject, context, options);
  const others = alternatives.map((a) => evaluateScenario(alternativeFor(subject, a), context));
  const decision = others.length ? decide([detail.evaluation, ...others], decisionInputs(subject, context)) : null;
  return { subject: detail, alternatives: others, decision };
}

/** The ids of every assumption the evaluation reads for this scenario: what the memo's ledger lists. */
export function assumptionsRead(scenario: Scenario, context: EvaluationContext): Set<string> {
  const assumptions = assumptionIndex(context.defaults, scenario.assumptions);
  const size = scenario.organisationSize ?? sizeOf(context.rows.length);
  const ids = new Set<string>([...Object.values(INPUT_ASSUMPTIONS(size)), ...Object.values(FROZEN_RULE_ASSUMPTIONS), ...Object.values(COST_ASSUMPTIONS), ...Object.values(EFFORT_ASSUMPTIONS)]);
  for (const id of assumptions.keys()) if (id.startsWith("weight_")) ids.add(id);
  return ids;
}
