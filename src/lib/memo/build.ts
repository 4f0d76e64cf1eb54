import { deadlineState } from "../model/deadline-state.js";
import type { Evaluation, YearLoss } from "../model/evaluate.js";
import type { ExposureReport } from "../model/exposure-report.js";
import type { DeadlineOutlook } from "../model/timeline-report.js";
import { isRemovalObligation } from "../regulation/deadlines.js";
import type { ApplicableObligation } from "../regulation/obligations.js";
import type { DecisionAnalysis, RankedOption } from "../scenario/compare.js";
import { hardDeadlines } from "../scenario/compare.js";
import type { InventoryReport } from "../ingest/inventory-report.js";
import type { ReviewDevice } from "../ingest/review.js";
import type { Assumption, Scenario, Source } from "../schema/index.js";
import type { ProgressReport } from "../progress/report.js";
import { standingPhrase } from "../progress/band.js";
import { capacityText, deadlineForecastText } from "../progress/reforecast.js";
import { count, money, percent, type Block, type MemoDocument, type Section } from "./document.js";

/** Everything a memo says, computed before it is written. */
export interface MemoInputs {
  scenario: Scenario;
  evaluation: Omit<Evaluation, "draws">;
  /** Other scenarios it was compared with (may be empty), on the subject's seed and trials. */
  alternatives: Omit<Evaluation, "draws">[];
  decision: DecisionAnalysis | null;
  obligations: ApplicableObligation[];
  /** No legal prohibition or contract requires this organisation to remove Kaspersky by a date. */
  continuedUseLawful: boolean;
  /** The vendor's sales stop and update cutoff, from the timeline data (never written into the text by hand). */
  milestones: Record<"salesStopped" | "updatesStopped", { date: string; instant: string; time: string | null; citation: string; instrument: string }>;
  fleet: { devices: number; kasperskyDevices: number; byUnit: { unit: string; devices: number; kaspersky: number }[] };
  /** The inventory exports the figures come from, with their row counts, and those that could not be read. */
  inventory: InventoryReport;
  /** Devices running software the catalog cannot decide on (never counted as Kaspersky devices): to review. */
  review: ReviewDevice[];
  exposure: Pick<ExposureReport, "valueOfInformation" | "tornado" | "fleetMultiplier" | "frozenWeightShare">;
  /** Every assumption in force, with whether the scenario changed it. */
  assumptions: (Assumption & { changed: boolean })[];
  software: { name: string; version: string };
  /** SHA-256 of the inputs (`hashText`: scenarios, fleet and data files), hex. */
  contentHash: string;
  /** Trials of every part of the model (one world per trial). */
  trials: number;
  /** Dated inventory snapshots against the plan (`offramp memo --snapshot`), the scenario's own inventory first; absent without snapshots. */
  progress?: ProgressReport | null;
}

type Figures = MemoInputs["evaluation"];
type Milestone = MemoInputs["milestones"]["salesStopped"];

const para = (text: string): Block => ({ kind: "paragraph", text });

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A date as a board reads it: `YYYY-MM-DD` as "1 October 2018", `YYYY-MM` as "July 2017", `YYYY` as is. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  const month = m === undefined ? undefined : MONTHS[Number(m) - 1];
  if (!month) return y ?? iso;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** The moment of a milestone: "<local time> <zone> on <date>" when the instrument gives a time, else the date. */
const when = (ms: Milestone) => (ms.time ? `${ms.time} on ${longDate(ms.date)}` : longDate(ms.date));

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const sentence = (s: string) => {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};
const stripStop = (s: string) => s.trim().replace(/\.$/, "");
/** A label inside a sentence: lower-case its first letter, unless it starts with an acronym or a name. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) && !/^(Kaspersky|BIS|KSN)\b/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const devices = (n: number) => `${count(n)} ${n === 1 ? "device" : "devices"}`;
const plusMinus = (x: { mean: number; standardError: number }) => `${money(x.mean)} (± ${money(x.standardError)})`;
const probability = (p: number, se: number) => `${percent(p)} (± ${se > 0 && se < 0.0005 ? "under 0.1%" : percent(se)})`;
const andList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** A number in an input's unit, three significant figures, money in dollars and fractions as percentages. */
function valueIn(x: number, unit: string | undefined): string {
  const u = unit ?? "";
  if (u.startsWith("USD")) {
    const per = u.slice(3).trim();
    const amount = Math.abs(x) < 100 && !Number.isInteger(x) ? `$${x.toFixed(2)}` : money(x);
    return per ? `${amount} ${per.startsWith("/") ? `per ${per.slice(1)}` : per}` : amount;
  }
  if (u === "fraction" || u.startsWith("fraction") || u === "probability") return percent(x);
  const n = Math.abs(x) >= 1000 ? count(x) : Number(x.toPrecision(3)).toString();
  if (u === "x" || u === "×" || u.startsWith("x ")) return `${n}×`;
  return u ? `${n} ${u}` : n;
}

/** A range of an input in its unit: "21–78 devices/week", "$1.00k–$2.00k", "20%–50%". */
function rangeIn(low: number, high: number, unit: string | undefined): string {
  const u = unit ?? "";
  if (u.startsWith("USD") || u.startsWith("fraction") || u === "probability") return `${valueIn(low, unit)}–${valueIn(high, unit)}`;
  const number = (x: number) => valueIn(x, undefined);
  if (u === "x" || u === "×" || u.startsWith("x ")) return `${number(low)}–${number(high)}×`;
  return `${number(low)}–${number(high)}${u ? ` ${u}` : ""}`;
}

/** "in one year in ten the loss would exceed $X", or that nine years in ten bring no loss at all when the P90 is zero. */
function badYear(loss: YearLoss): string {
  return Math.round(loss.p90) <= 0 ? "in at least nine years in ten there would be no material loss event" : `in one year in ten the loss would exceed ${money(loss.p90)}`;
}

const CLASS_WORDS: Record<ApplicableObligation["class"], string> = {
  "legal-prohibition": "a legal prohibition",
  contractual: "a contractual obligation",
  advisory: "advice, not a prohibition",
  technical: "a technical measure",
  context: "context",
};

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    return null;
  }
})();
const placeName = (code: string) => (code === "EU" ? "the European Union" : code === "US" ? "the United States" : (regionNames?.of(code) ?? code));

/** One row per event and meaning (an event may reach the organisation through two audiences with the same effect). */
function distinct(obligations: readonly ApplicableObligation[]): ApplicableObligation[] {
  const seen = new Set<string>();
  return obligations.filter((o) => {
    const key = `${o.eventId}|${o.class}|${o.effect}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A binding obligation as a sentence: what it requires, since when, and its citation. */
function obligationSentence(o: ApplicableObligation, asOf: string): string {
  const inForce = `${o.instant.slice(0, 10) <= asOf ? "in force since" : "in force from"} ${longDate(o.date)}`;
  const effect = stripStop(o.effect);
  // No parentheses inside parentheses: an effect ending in one, or a citation holding one, takes the citation after a comma.
  return effect.endsWith(")") || /\s\(/.test(o.citation) ? `${effect}, ${inForce} under ${o.citation}.` : `${effect} (${inForce}: ${o.citation}).`;
}

/** A measure as a clause: its title, citation and date, and what kind of measure it is. */
function measureClause(o: ApplicableObligation): string {
  return `${stripStop(o.title)} (${o.citation}, ${longDate(o.date)}), ${o.class === "advisory" ? "which is " : ""}${CLASS_WORDS[o.class]}${isRemovalObligation(o) ? " that requires removal by its date" : ""}`;
}

/** The citation of the vendor's milestones, once when both come from the same instrument. */
function milestoneCitation(m: MemoInputs): string {
  const { salesStopped: s, updatesStopped: u } = m.milestones;
  return s.citation === u.citation ? s.citation : `${s.citation} and ${u.citation}`;
}

function assumedSentence(e: Figures): string {
  const a = e.counts.assumedFrozen;
  return a > 0 ? ` That count includes ${devices(a)} assumed frozen (no signature date in any export).` : "";
}

/**
 * The memo's first paragraph: what binds this organisation, before any risk figure. Federal
 * agencies and contractors lead with their violations and the obligations they breach; a US
 * person no law or contract binds is told that continued use is lawful but unsupported; an
 * organisation outside the US is told that the US prohibition does not bind it, and which of
 * its own jurisdictions' measures apply.
 */
export function situationParagraph(m: MemoInputs): string {
  const e = m.evaluation;
  const s = m.scenario;
  const name = s.profile.name;
  const c = e.counts;
  const { salesStopped: sales, updatesStopped: updates } = m.milestones;
  const binding = distinct(m.obligations.filter(isRemovalObligation));
  const bindingText = binding.map((o) => obligationSentence(o, s.asOf)).join(" ");
  const runs = `${name} runs Kaspersky products on ${count(c.kasperskyDevices)} of its ${devices(c.devices)}.`;

  if (c.violations > 0) {
    // Without a binding obligation in the data, the profile says which: the law for an agency, contracts for a contractor.
    const legal = binding.length ? binding.some((o) => o.class === "legal-prohibition") : s.profile.federalAgency;
    const contract = binding.length ? binding.some((o) => o.class === "contractual") : !s.profile.federalAgency;
    const barrer = legal && contract ? "the law and its contracts bar" : legal ? "the law bars" : "its contracts bar";
    const frozen =
      c.frozenDevices > 0
        ? ` Protection on ${count(c.frozenDevices)} of them has also been frozen since Kaspersky's updates to US persons stopped at ${when(updates)}, under ${updates.citation}.${assumedSentence(e)}`
        : "";
    return (
      `${count(c.violations)} of ${name}'s ${devices(c.devices)} run Kaspersky products that ${barrer}.` +
      (bindingText ? ` ${bindingText}` : "") +
      ` ${c.violations === 1 ? "This device is" : "Each of these devices is"} a breach today, whatever the risk figures below say: removing ${c.violations === 1 ? "it" : "them"} is an obligation, not a choice to weigh against cost.` +
      frozen
    );
  }

  if (!s.profile.usPerson) {
    const own = distinct(m.obligations.filter((o) => o.jurisdiction !== "US" && o.class !== "context"));
    const places = [...new Set(own.map((o) => o.jurisdiction))];
    const home = s.profile.countries.filter((x) => x !== "US");
    const measures = own.length
      ? ` In ${andList(places.map(placeName))}, ${own.length === 1 ? "one measure applies" : `${own.length} measures apply`} to it: ${own.map(measureClause).join("; ")}.`
      : home.length
        ? ` No measure of ${andList(home.map(placeName))} on Kaspersky applies to it.`
        : "";
    const lawful = m.continuedUseLawful ? " No measure that applies to it requires removing Kaspersky by a date, so continued use is lawful." : ` Binding measures require it to remove Kaspersky: ${bindingText}`;
    const frozen =
      c.frozenDevices > 0
        ? ` Even so, protection on ${count(c.frozenDevices)} of its Kaspersky devices has not updated since the update cutoff, so it counts as frozen.${assumedSentence(e)}`
        : " None of its Kaspersky devices counts as frozen.";
    return (
      `${runs} It is not a US person, so the US prohibition does not bind it directly: under ${milestoneCitation(m)}, BIS bars Kaspersky's sales and updates to US persons only (sales from ${when(sales)}, updates from ${when(updates)}).` +
      measures +
      lawful +
      frozen
    );
  }

  const unsupported =
    c.frozenDevices > 0
      ? `protection on ${count(c.frozenDevices)} of these devices has been frozen since the update cutoff (no new signatures, no Kaspersky Security Network lookups), and the risk grows as the signatures age.${assumedSentence(e)}`
      : "Kaspersky no longer updates US persons' copies, although none of these devices counts as frozen yet.";
  if (m.continuedUseLawful) {
    return (
      `${runs} Continued use is lawful for ${name}: under ${milestoneCitation(m)}, BIS bars Kaspersky's sales to US persons from ${when(sales)} and its updates to their copies from ${when(updates)}, not the use of copies already installed, and no law or contract requires it to remove them by a date.` +
      ` But continued use is unsupported: ${unsupported}`
    );
  }
  return `${runs} Binding obligations require it to act by a date. ${bindingText} Continued use is also unsupported: ${unsupported}`;
}

/** The losses over the coming year, named so the do-nothing loss and the loss with the plan are never confused. */
function lossParagraph(m: MemoInputs, hasPlan: boolean): string {
  const e = m.evaluation;
  const s = m.scenario;
  const doNothing =
    `The expected loss over the coming year if nothing is done is ${plusMinus(e.lossDoingNothing)}: frozen Kaspersky adds ${plusMinus(e.attributableDoingNothing)} of it, and ${plusMinus(e.baseline)} is the baseline no option removes (what the same fleet would lose fully protected).`;
  if (!hasPlan) {
    return `${doNothing} "${s.name}" has no migration plan, so this is also its loss: nothing is saved, and ${badYear(e.lossDoingNothing)}.`;
  }
  const tolerance =
    e.lossWithPlan.toleranceProbability === null || s.riskTolerance === undefined
      ? ""
      : ` The chance that the coming year's loss with this plan exceeds the tolerance of ${money(s.riskTolerance)} is ${probability(e.lossWithPlan.toleranceProbability, e.lossWithPlan.toleranceStandardError ?? 0)}.`;
  return (
    `${doNothing} The expected loss over the coming year with this plan ("${s.name}", ${e.optionName}) is ${plusMinus(e.lossWithPlan)}: the plan saves ${plusMinus(e.planSaving)} in the coming year.` +
    ` With this plan, ${badYear(e.lossWithPlan)}.` +
    tolerance
  );
}

/**
 * A deadline in a table: the one label every page and the CLI show ("met (P 95.0%)", "at risk (P
 * 62.0% ± 0.5%)"…). `plan` as `deadlineState` takes it: the plan, null for none, undefined when unknown.
 */
function deadlineCell(d: DeadlineOutlook | undefined, plan: { start: string } | null | undefined): string {
  if (!d) return "—";
  return deadlineState(d, plan).label;
}

/** The plan behind a scenario's figures, as `deadlineState` takes it: the subject's own, null when there is none, undefined for an alternative's. */
const planOf = (m: MemoInputs, x: Figures): { start: string } | null | undefined => (x.completion === null ? null : x === m.evaluation ? m.scenario.plan : undefined);

const completionText = (x: Figures) => (x.completion ? `${x.completion.p50 ? longDate(x.completion.p50) : "not within the horizon"}; ${x.completion.p80 ? longDate(x.completion.p80) : "not within the horizon"}` : "not planned");

/** Plan, cost and deadlines of the subject, for the summary. */
function planParagraph(m: MemoInputs, hasPlan: boolean): string {
  const e = m.evaluation;
  const months = e.horizonMonths;
  const costRange = `${money(e.cost.p[50])} in present value (80% range ${money(e.cost.p[10])}–${money(e.cost.p[90])})`;
  const parts: string[] = [];
  if (!hasPlan || !e.completion) {
    const costs = Math.round(e.cost.p[90]) > 0 ? `, of which the option costs ${costRange}` : "";
    parts.push(`This scenario does not replace Kaspersky: the frozen installs stay, and so does their exposure. Its cost plus expected loss over ${months} months is ${plusMinus(e.horizonTotal)}${costs}.`);
  } else {
    parts.push(`The replacement (${e.optionName}) costs ${costRange} over ${months} months; cost plus expected loss over the same ${months} months is ${plusMinus(e.horizonTotal)}.`);
    const { p50, p80 } = e.completion;
    parts.push(p50 === null ? "In the median case Kaspersky would not be gone within the simulated horizon." : `Kaspersky would be gone by ${longDate(p50)} in the median case${p80 ? ` and by ${longDate(p80)} in four cases out of five` : ""}.`);
    if (e.keptDevices > 0) parts.push(`The option keeps ${devices(e.keptDevices)} on Kaspersky, so their exposure stays after the migration.`);
  }
  for (const d of e.deadlines) {
    const what = `"${d.deadline.label}" (${longDate(d.deadline.date)})`;
    const state = deadlineState(d, planOf(m, e)).state;
    if (state === "already-missed") parts.push(`The deadline ${what} has already been missed (it falls before the as-of date)${d.deadline.kind === "internal" ? "." : ": every device still on Kaspersky is out of compliance until it is gone."}`);
    else if (state === "no-plan") parts.push(`Without a plan, ${what} will be missed.`);
    else if (state === "missed-before-start") parts.push(`The deadline ${what} is missed before the plan starts${m.scenario.plan ? ` (on ${longDate(m.scenario.plan.start)})` : ""}: no schedule can meet it.`);
    else if (state === "met") parts.push(`The deadline ${what} is met with probability ${probability(d.probability, d.standardError)}.`);
    else parts.push(`The deadline ${what} is at risk: the probability of meeting it is ${probability(d.probability, d.standardError)}.`);
  }
  return parts.join(" ");
}

/** The recommendation in the summary: the option, the main reason, a tie, and any hard deadline it still misses. */
function recommendationParagraph(m: MemoInputs): string | null {
  const d = m.decision;
  const r = d?.recommendation;
  if (!d || !r) return null;
  const parts = [`Recommendation: "${r.name}"${r.reasons[0] ? `, because ${stripStop(r.reasons[0])}` : ""}.`];
  const ranked = d.ranking.find((x) => x.id === r.id);
  if (d.ranking[0]?.id === r.id) {
    const tied = d.ranking.filter((x) => x.versusBest?.tie);
    if (tied.length) parts.push(`${andList(tied.map((x) => `"${x.name}"`))} ${tied.length === 1 ? "costs" : "cost"} about the same overall, within Monte Carlo error: a tie, so the choice between them rests on other grounds.`);
  }
  if (ranked?.misses.length) {
    parts.push(
      `The recommended option still misses a hard deadline: it meets ${andList(ranked.misses.map((x) => `"${x.deadline.label}" (${longDate(x.deadline.date)}) with probability ${percent(x.probability)} only`))}, and no option compared is likely to meet every legal and contractual deadline.`,
    );
  }
  return parts.join(" ");
}

/** Without a decision, the summary still says when this plan is unlikely to meet a hard deadline. */
function missesParagraph(m: MemoInputs, hasPlan: boolean): string | null {
  if (m.decision?.recommendation || !hasPlan) return null;
  const misses = hardDeadlines(m.evaluation).filter((d) => d.probability < 0.8);
  if (!misses.length) return null;
  return `This plan is unlikely to meet ${andList(misses.map((x) => `"${x.deadline.label}" (${longDate(x.deadline.date)}; probability ${percent(x.probability)})`))}.`;
}

/** Hard deadlines still ahead in any scenario compared, by id, in date order. */
function comparedDeadlines(all: readonly Figures[]): DeadlineOutlook["deadline"][] {
  const byId = new Map<string, DeadlineOutlook["deadline"]>();
  for (const x of all) for (const d of hardDeadlines(x)) if (!byId.has(d.deadline.id)) byId.set(d.deadline.id, d.deadline);
  return [...byId.values()];
}

function versusBestText(r: RankedOption): string {
  const v = r.versusBest;
  if (!v) return "best";
  const size = `${money(Math.abs(v.meanDifference))} ${v.meanDifference >= 0 ? "more" : "less"} (± ${money(v.standardError)}); cheaper in ${percent(v.probability)} of the simulated futures`;
  return v.tie ? `${size}; within Monte Carlo error: a tie` : size;
}

function optionsBlocks(m: MemoInputs): Block[] {
  const e = m.evaluation;
  if (!m.alternatives.length) return [para("No alternatives were compared for this memo, so there is no ranking and no recommendation: the figures are for this scenario alone.")];
  const all = [e, ...m.alternatives];
  const months = new Set(all.map((x) => x.horizonMonths));
  const over = months.size === 1 ? `over ${e.horizonMonths} months` : "over its horizon";
  const deadlines = comparedDeadlines(all);
  const deadlineColumns = deadlines.map((d) => `P(meeting ${d.label}, ${longDate(d.date)})`);
  const cells = (x: Figures) => deadlines.map((d) => deadlineCell(x.deadlines.find((o) => o.deadline.id === d.id), planOf(m, x)));
  const blocks: Block[] = [
    {
      kind: "table",
      caption: "Scenarios side by side",
      columns: ["Scenario", "Replacement", `Cost ${over}, median (P10–P90)`, "Expected loss over the coming year, with the plan", `Cost + expected loss ${over} (mean ± SE)`, "Kaspersky gone (median; P80)", ...deadlineColumns],
      rows: all.map((x) => [x.name, x.optionName, `${money(x.cost.p[50])} (${money(x.cost.p[10])}–${money(x.cost.p[90])})`, plusMinus(x.lossWithPlan), plusMinus(x.horizonTotal), completionText(x), ...cells(x)]),
    },
    {
      kind: "figure",
      id: "cost-risk",
      title: "Cost against risk",
      alt: `Scatter of each scenario's median cost against its expected loss over the coming year with its plan: ${all.map((x) => `${x.name} ${money(x.cost.p[50])} and ${money(x.lossWithPlan.mean)}`).join("; ")}.`,
    },
  ];
  const d = m.decision;
  if (d?.recommendation) {
    blocks.push(para(`Recommendation: "${d.recommendation.name}". The reasons:`), { kind: "list", items: d.recommendation.reasons.map((r) => sentence(capitalise(r))) });
  }
  if (d?.ranking.length) {
    const byId = new Map(all.map((x) => [x.id, x]));
    blocks.push({
      kind: "table",
      caption: `Ranking on cost plus expected loss ${over}, each against the best, trial by trial`,
      columns: ["Rank", "Scenario", "Cost + expected loss (mean ± SE)", "Against the best", ...deadlineColumns],
      rows: d.ranking.map((r, i) => {
        const x = byId.get(r.id);
        return [String(i + 1), r.name, plusMinus(r.total), versusBestText(r), ...(x ? cells(x) : deadlines.map(() => "—"))];
      }),
    });
    const best = d.ranking[0]!;
    const tied = d.ranking.filter((r) => r.versusBest?.tie);
    if (tied.length) {
      blocks.push(
        para(`${andList(tied.map((r) => `"${r.name}"`))} and "${best.name}" differ by less than the simulation can resolve (within Monte Carlo error: a tie): their order in the ranking means nothing, and the choice between them rests on other grounds.`),
      );
    }
  }
  return blocks;
}

/** Value of information and switching values: only when there is a decision to change. */
function changeBlocks(m: MemoInputs): Block[] {
  const d = m.decision;
  const r = d?.recommendation;
  if (!d || !r || d.ranking.length < 2) {
    return [para("No alternatives were compared, so there is no decision to test: no value of information and no switching values. Compare at least one other scenario to get them.")];
  }
  const bestTotal = Math.min(...d.ranking.map((x) => x.total.mean));
  const blocks: Block[] = [];
  const trivial = d.evpi.value < d.evpi.standardError || d.evpi.value < 0.01 * Math.abs(bestTotal);
  blocks.push(
    para(
      trivial
        ? `Further research is unlikely to change the decision: knowing every uncertain input exactly would lower the expected cost of the decision by only about ${money(Math.max(0, d.evpi.value))} (± ${money(d.evpi.standardError)}), against a best expected total of ${money(bestTotal)}.`
        : `Knowing every uncertain input exactly would lower the expected cost of the decision by about ${money(d.evpi.value)} (± ${money(d.evpi.standardError)}): the most any research before choosing could be worth.`,
    ),
  );
  const floor = Math.max(d.evpi.standardError, 0.001 * Math.abs(bestTotal));
  const worth = d.evppi.filter((v) => v.value > floor).slice(0, 3);
  if (worth.length) {
    blocks.push(para("The inputs most worth researching, by the expected value of perfect information about each alone:"), {
      kind: "list",
      items: worth.map((v) => `${v.label}: knowing it exactly before choosing would be worth about ${money(v.value)}.`),
    });
  } else {
    blocks.push(para("No single input is worth researching on its own: knowing any one exactly would not change the expected cost of the decision materially."));
  }
  // The runner-up as the decision defines it: the best of the rest.
  const runnerUp = d.ranking.find((x) => x.id !== r.id);
  if (!runnerUp) return blocks;
  const units = new Map<string, string>([["plan.capacityPerWeek", "devices/week"], ["plan.slippage", "×"], ...m.assumptions.map((a) => [a.id, a.unit] as [string, string])]);
  const switching = d.switchingValues.filter((v) => v.value !== null && v.direction !== null);
  if (switching.length) {
    blocks.push(para(`Switching values: where an input would have to lie for "${runnerUp.name}" to be cheaper overall than "${r.name}".`), {
      kind: "list",
      items: switching.map((v) => {
        const unit = units.get(v.input);
        return `If ${inSentence(v.label)} were ${v.direction === "higher" ? "above" : "below"} ${valueIn(v.value!, unit)} (it is now drawn from ${rangeIn(v.low, v.high, unit)}), "${runnerUp.name}" would be cheaper overall than "${r.name}".`;
      }),
    });
  } else {
    blocks.push(para(`No input, anywhere within its range, makes "${runnerUp.name}" cheaper overall than "${r.name}".`));
  }
  return blocks;
}

/** The do-nothing exposure (with its multiplier and sensitivity), then the loss with the plan, in separate paragraphs. */
function exposureBlocks(m: MemoInputs, hasPlan: boolean): Block[] {
  const e = m.evaluation;
  const s = m.scenario;
  const x = m.exposure;
  const tolerance =
    e.lossDoingNothing.toleranceProbability === null || s.riskTolerance === undefined
      ? ""
      : ` The chance that the coming year's loss if nothing is done exceeds the tolerance of ${money(s.riskTolerance)} is ${probability(e.lossDoingNothing.toleranceProbability, e.lossDoingNothing.toleranceStandardError ?? 0)}.`;
  const blocks: Block[] = [
    para(
      `If nothing is done, every frozen device stays frozen. Frozen devices weigh ${percent(x.frozenWeightShare)} of the fleet once criticality, internet exposure and data sensitivity are counted, and doing nothing they raise the fleet's infection rate to ${x.fleetMultiplier.toFixed(2)} times that of a fully protected fleet.`,
    ),
    para(
      `Expected loss over the coming year if nothing is done: ${plusMinus(e.lossDoingNothing)}. Frozen Kaspersky adds ${plusMinus(e.attributableDoingNothing)} of it; the other ${plusMinus(e.baseline)} is the baseline no option removes. Doing nothing, ${badYear(e.lossDoingNothing)}.${tolerance}`,
    ),
  ];
  if (x.tornado.length) {
    blocks.push(para("Doing nothing, the inputs that move the expected loss most (each from its low to its high, the others at their most likely):"), {
      kind: "list",
      items: x.tornado.slice(0, 3).map((t) => `${t.label}: from ${valueIn(t.low, undefined)} to ${valueIn(t.high, undefined)} moves the expected loss if nothing is done from ${money(t.outputAtLow)} to ${money(t.outputAtHigh)}.`),
    });
  }
  if (x.valueOfInformation.length) {
    blocks.push(para("The inputs that explain most of the uncertainty in the expected loss if nothing is done, where a better estimate would narrow the range most:"), { kind: "list", items: x.valueOfInformation.slice(0, 2).map((v) => `${v.label}: explains ${percent(v.share)} of the uncertainty in the expected loss if nothing is done.`) });
  }
  if (hasPlan) {
    const tol =
      e.lossWithPlan.toleranceProbability === null || s.riskTolerance === undefined
        ? ""
        : ` The chance that it exceeds the tolerance of ${money(s.riskTolerance)} is ${probability(e.lossWithPlan.toleranceProbability, e.lossWithPlan.toleranceStandardError ?? 0)}.`;
    blocks.push(
      para(
        `With this plan, the expected loss over the coming year is ${plusMinus(e.lossWithPlan)}, and ${badYear(e.lossWithPlan)}.${tol} The plan saves ${plusMinus(e.planSaving)} of the do-nothing loss in the coming year. Over the whole ${e.horizonMonths}-month horizon, the expected loss with this plan is ${plusMinus(e.horizonLoss)}.`,
      ),
    );
  }
  return blocks;
}

function planBlocks(m: MemoInputs, hasPlan: boolean): Block[] {
  const e = m.evaluation;
  const blocks: Block[] = [
    e.deadlines.length
      ? {
          kind: "table",
          caption: "Deadlines",
          columns: ["Date", "Deadline", "Kind", "Outlook (probability of meeting it ± standard error)"],
          rows: e.deadlines.map((d) => [longDate(d.deadline.date), d.deadline.label, d.deadline.kind, deadlineCell(d, planOf(m, e))]),
        }
      : para("No legal, contractual or internal deadline applies."),
  ];
  if (e.frozenDeviceDays !== null) blocks.push(para(`From ${longDate(m.scenario.asOf)} until the migration is done (within the ${e.horizonMonths}-month horizon), the organisation carries about ${count(e.frozenDeviceDays)} device-days on frozen protection (median across trials).`));
  if (e.keptDevices > 0) blocks.push(para(`The option keeps ${devices(e.keptDevices)} on Kaspersky${hasPlan ? " after the migration" : ""}: ${e.keptDevices === 1 ? "its" : "their"} exposure is in every loss figure for this scenario.`));
  if (e.sunkPrepaid !== null && e.sunkPrepaid > 0) blocks.push(para(`Prepaid Kaspersky licences worth about ${money(e.sunkPrepaid)} are sunk: the same whatever is chosen, so in no option's cost.`));
  return blocks;
}

function situationBlocks(m: MemoInputs): Block[] {
  const s = m.scenario;
  const { salesStopped: sales, updatesStopped: updates } = m.milestones;
  const measures = distinct(m.obligations.filter((o) => o.class !== "context"));
  return [
    para(
      `Kaspersky is barred from selling to US persons from ${when(sales)} and from updating their copies (signatures, code and the Kaspersky Security Network) from ${when(updates)}, under ${milestoneCitation(m)}. Installed copies keep running, but go stale.` +
        (s.profile.usPerson ? "" : ` These measures bind US persons; ${s.profile.name} is not one.`),
    ),
    measures.length
      ? {
          kind: "table",
          caption: `Measures that apply to ${s.profile.name}`,
          columns: ["Date", "Where", "Kind", "What it means", "Requires removal by its date", "Citation"],
          rows: measures.map((o) => [longDate(o.date), o.jurisdiction, capitalise(CLASS_WORDS[o.class].replace(/^an? /, "")), o.effect, isRemovalObligation(o) ? "yes" : "no", o.citation]),
        }
      : para(`No legal prohibition, contract or official advice on Kaspersky applies to ${s.profile.name}.`),
    para(
      m.continuedUseLawful
        ? `${measures.length ? "None of these requires" : "Nothing requires"} ${s.profile.name} to remove Kaspersky by a date: continued use is lawful${s.profile.usPerson ? ", but unsupported, and its risk grows" : ", though the risk of every device whose protection no longer updates still grows"}.`
        : `${s.profile.name} must remove Kaspersky: the measures marked as requiring removal bind it, whatever the risk figures say.`,
    ),
  ];
}

/** The decision memo: plain, board-ready prose around the figures, then the ledger, sources and appendix. */
export function buildMemo(m: MemoInputs): MemoDocument {
  const e = m.evaluation;
  const s = m.scenario;
  const hasPlan = e.completion !== null;
  const summary = [situationParagraph(m), lossParagraph(m, hasPlan), planParagraph(m, hasPlan), recommendationParagraph(m), missesParagraph(m, hasPlan)].filter((t): t is string => t !== null).map(para);
  const compare = m.alternatives.map((_, i) => ` --compare <alternative-${i + 1}>`).join("");
  const sections: Section[] = [
    { id: "summary", heading: "Executive summary", blocks: summary },
    { id: "situation", heading: "The situation", blocks: situationBlocks(m) },
    {
      id: "where",
      heading: "Where Kaspersky runs",
      blocks: [
        ...unreadWarning(m),
        { kind: "table", caption: "Devices by business unit", columns: ["Business unit", "Devices", "Running Kaspersky"], rows: m.fleet.byUnit.map((u) => [u.unit, count(u.devices), count(u.kaspersky)]) },
        ...reviewBlocks(m),
        { kind: "figure", id: "by-unit", title: "Devices running Kaspersky (red) and the rest (grey), by business unit", alt: `Bar chart of devices per business unit, split into those running Kaspersky and the rest; ${m.fleet.byUnit.map((u) => `${u.unit}: ${u.kaspersky} of ${u.devices}`).join("; ")}.` },
      ],
    },
    { id: "exposure", heading: "Exposure and expected loss", blocks: exposureBlocks(m, hasPlan) },
    { id: "options", heading: "Options compared", blocks: optionsBlocks(m) },
    { id: "plan", heading: "The plan and its deadlines", blocks: planBlocks(m, hasPlan) },
    ...progressSection(m),
    { id: "information", heading: "What further information is worth, and what would change the decision", blocks: changeBlocks(m) },
    ...s.narrative.map((n) => ({ id: `note-${n.id}`, heading: n.heading || "Note", blocks: n.text.split(/\n{2,}/).map(para) })),
    {
      id: "ledger",
      heading: "Assumption ledger",
      blocks: [
        {
          kind: "table",
          caption: "The inputs the model reads, their values and their basis (changed: set by this scenario)",
          columns: ["Assumption", "Value", "Unit", "Basis", "Changed"],
          rows: m.assumptions.map((a) => [
            a.label,
            a.value.kind === "point" ? String(a.value.value) : `${a.value.low} / ${a.value.likely} / ${a.value.high}`,
            a.unit,
            a.confidence === "assumption" ? "assumption" : `${a.confidence}: ${a.sources[0]?.title ?? a.sources[0]?.url ?? ""}`,
            a.changed ? "yes" : "",
          ]),
        },
      ],
    },
    { id: "sources", heading: "Sources", blocks: [{ kind: "list", items: uniqueSources(m).map((src) => (src.title ? `${src.title}: ${src.url}` : src.url)) }] },
    {
      id: "appendix",
      heading: "Appendix: how to reproduce every figure",
      blocks: [
        para(
          `Every figure in this memo comes from one evaluation: "offramp model --scenario <file>${m.alternatives.length ? " --compare …" : ""} --json" prints them all, and "offramp memo" writes this memo from the same evaluation. ` +
            `Generated by ${m.software.name} ${m.software.version} for the scenario below, as of ${longDate(s.asOf)}, with seed ${e.seed} and ${count(m.trials)} trials (one world per trial for the plan, the loss and the cost${m.alternatives.length ? "; the scenarios compared ran on the same seed and trials, so every comparison is paired" : ""}). ` +
            `Content hash (SHA-256 of the inputs: scenarios, fleet and data files): ${m.contentHash}. The same inputs and seed give the same figures.`,
        ),
        {
          kind: "code",
          language: "sh",
          text: [
            `offramp model --scenario <file>${compare} --seed ${e.seed} --trials ${m.trials} --json`,
            ...(m.progress && m.progress.snapshots.length > 1 ? [`offramp track --scenario <file>${snapshotFlags(m.progress)} --json`] : []),
            `offramp memo --scenario <file>${compare}${m.progress && m.progress.snapshots.length > 1 ? snapshotFlags(m.progress) : ""} --format md --out memo.md`,
          ].join("\n"),
        },
        ...inventoryBlocks(m),
        { kind: "code", language: "json", text: JSON.stringify(s, null, 2) },
      ],
    },
  ];
  return { title: `Leaving Kaspersky: ${s.profile.name}`, subtitle: `Decision memo for the board${s.profile.sector ? ` (${s.profile.sector})` : ""}, scenario "${s.name}"`, date: s.asOf, sections };
}

/** `--snapshot DATE=PATH` for each snapshot after the scenario's own inventory. */
const snapshotFlags = (p: ProgressReport) => p.snapshots.slice(1).map((x) => ` --snapshot ${x.date}=<exports of ${x.date}>`).join("");

/** "Progress since the last board report": only when snapshots were given (the scenario's inventory and at least one more). */
function progressSection(m: MemoInputs): Section[] {
  const p = m.progress;
  if (!p || p.snapshots.length < 2) return [];
  const latest = p.snapshots[p.snapshots.length - 1]!;
  const before = p.snapshots[p.snapshots.length - 2]!;
  const blocks: Block[] = [
    para(
      `On ${longDate(latest.date)} the exports showed ${count(latest.kasperskyDevices)} devices running Kaspersky${latest.unseen ? ` (${count(latest.unseen)} of them not seen that day, counted as last seen)` : ""}${latest.kept ? `, besides ${count(latest.kept)} the chosen option keeps on it` : ""}. ` +
        (latest.band && latest.standing ? `The plan expected ${count(Math.round(latest.band.p10))} to ${count(Math.round(latest.band.p90))} by then, ${count(Math.round(latest.band.p50))} at the median: ${standingPhrase(latest.kasperskyDevices, latest.band)}. ` : "") +
        `Since ${p.snapshots.length === 2 ? "the inventory this memo's figures start from" : "the snapshot before"} (${longDate(before.date)}): ${count(latest.migrated.length)} migrated (${count(latest.migratedWithReplacement)} with a replacement seen in the exports), ${count(latest.cameBack.length)} came back (Kaspersky again after being seen without it), ${count(latest.new.length)} new with Kaspersky, and ${count(latest.missing.length)} not seen at all (missing: still counted, never as migrated).` +
        (p.leftOut.length ? ` Left out: ${p.leftOut.map((x) => `the snapshot of ${longDate(x.date)} (dated on or before the inventory the plan starts from)`).join("; ")}.` : ""),
    ),
    {
      kind: "table",
      caption: "Kaspersky devices at each snapshot against the plan's simulated range (P10 the fast end, P90 the slow)",
      columns: ["Date", "Kaspersky devices", "Plan P10–P90 (median)", "Standing", "Migrated", "Came back", "New", "Missing"],
      rows: p.snapshots.map((x) => [longDate(x.date), count(x.kasperskyDevices), x.band ? `${count(Math.round(x.band.p10))}–${count(Math.round(x.band.p90))} (${count(Math.round(x.band.p50))})` : "", x.standing ?? "", count(x.migrated.length), count(x.cameBack.length), count(x.new.length), count(x.missing.length)]),
    },
  ];
  if (latest.byWave.length)
    blocks.push({
      kind: "table",
      caption: `Each wave on ${longDate(latest.date)}, against its devices at the plan's start`,
      columns: ["Wave", "At the start", "Left", "Done"],
      rows: latest.byWave.filter((w) => w.baseline > 0 || w.remaining > 0).map((w) => [w.label, count(w.baseline), count(w.remaining), `${Math.round(w.done * 100)}%`]),
    });
  const f = p.forecast;
  if (f) {
    const deadlines = f.deadlines.map((d) => `${d.label} (${longDate(d.date)}): ${deadlineForecastText(d)}`);
    blocks.push(
      para(
        `Re-forecast from ${longDate(f.from)}, with ${count(f.devicesLeft)} devices left (the deadline table above is the plan as of ${longDate(m.scenario.asOf)}): ${capacityText(f)}. ` +
          `Every device is off Kaspersky by ${f.completion.p50 ? longDate(f.completion.p50) : "no date within ten years"} at the median and ${f.completion.p80 ? longDate(f.completion.p80) : "no date within ten years"} with 80% confidence. Chance of each deadline: ${deadlines.join("; ")}.` +
          (f.capacityFor80 ? ` An 80% chance of ${f.capacityFor80.label} needs ${f.capacityFor80.capacityPerWeek === null ? "more than any team can do (the remaining phases alone run past it)" : `about ${count(Math.round(f.capacityFor80.capacityPerWeek))} devices a week at full speed`}.` : ""),
      ),
    );
  }
  return [{ id: "progress", heading: "Progress since the last board report", blocks }];
}

/** Said where the devices are counted: figures from part of an estate must not pass for the whole of it. */
function unreadWarning(m: MemoInputs): Block[] {
  const u = m.inventory.unreadable;
  if (u.length === 0) return [];
  return [para(`${u.length === 1 ? "One inventory export" : `${count(u.length)} inventory exports`} could not be read (${u.map((x) => x.file).join(", ")}), so the counts below cover only the exports that were; the appendix says why.`)];
}

/** Devices someone must look at: software that may be the vendor's, or covered, which the catalog cannot decide on. */
function reviewBlocks(m: MemoInputs): Block[] {
  const r = m.review;
  if (r.length === 0) return [];
  const shown = r.slice(0, 10).map((d) => `${d.hostname} (${d.products.join(", ")})`);
  return [
    para(
      `To review: ${r.length === 1 ? "one device runs" : `${count(r.length)} devices run`} software that may be Kaspersky's, or may be covered, which the catalog cannot decide on; ${r.length === 1 ? "it is" : "they are"} not counted above: ${shown.join("; ")}${r.length > 10 ? `; and ${count(r.length - 10)} more` : ""}. The Inventory page lists them all.`,
    ),
  ];
}

/** The appendix's account of the inventory: every export read, with its rows, and any that could not be. */
function inventoryBlocks(m: MemoInputs): Block[] {
  const { read, unreadable } = m.inventory;
  const blocks: Block[] = [];
  if (read.length)
    blocks.push({
      kind: "table",
      caption: "Inventory exports read (rows read = accepted + rejected; a rejected row is named with its line in offramp ingest)",
      columns: ["Export", "Format", "Rows", "Accepted", "Rejected"],
      rows: read.map((r) => [r.file, r.format ?? "", count(r.rows), count(r.accepted), count(r.rejected)]),
    });
  else blocks.push(para("No inventory export was read."));
  if (unreadable.length) blocks.push(para(`Could not be read: ${unreadable.map((u) => `${u.file} (${u.reason})`).join("; ")}.`));
  return blocks;
}

function uniqueSources(m: MemoInputs): Source[] {
  const seen = new Map<string, Source>();
  for (const o of m.obligations) for (const src of o.sources) if (!seen.has(src.url)) seen.set(src.url, src);
  for (const a of m.assumptions) for (const src of a.sources) if (!seen.has(src.url)) seen.set(src.url, src);
  return [...seen.values()];
}
