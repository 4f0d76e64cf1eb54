import { breakdown } from "../model/breakdown.js";
import { alternativeFor, assumptionsRead, withoutDraws, type EvaluationContext, type WorkbookEvaluation } from "../model/evaluate.js";
import type { FleetRow } from "../model/fleet.js";
import { isKasperskyDevice } from "../model/frozen.js";
import { lawfulUnder } from "../regulation/continued-use.js";
import { eventInstant, milestone } from "../regulation/milestones.js";
import { obligationsFor } from "../regulation/obligations.js";
import { inventoryReport } from "../ingest/inventory-report.js";
import type { SourceReport } from "../ingest/types.js";
import { devicesToReview } from "../ingest/review.js";
import type { InstallRow } from "../model/breakdown.js";
import type { Assumption, Scenario } from "../schema/index.js";
import type { MemoInputs } from "./build.js";
import { sha256 } from "./hash.js";

/** The fleet as the memo states it: totals, and devices and Kaspersky devices per business unit (by name). */
export function memoFleet(rows: readonly FleetRow[]): MemoInputs["fleet"] {
  return {
    devices: rows.length,
    kasperskyDevices: rows.filter(isKasperskyDevice).length,
    byUnit: breakdown(rows, [], "businessUnit")
      .map((g) => ({ unit: g.key, devices: g.devices, kaspersky: g.kasperskyDevices }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
  };
}

/**
 * The scenario's quoted prices and its plan's estimates as ledger rows, so every edit a page can
 * make (a price on Cost, the team's capacity on Timeline) is in the ledger with the assumptions.
 */
export function planAndPriceRows(scenario: Scenario, book: EvaluationContext["book"]): MemoInputs["assumptions"] {
  const products = new Map(book.products.map((p) => [p.id, p]));
  const prices = (scenario.prices ?? []).filter((q) => products.has(q.product)).map((q) => {
    const p = products.get(q.product)!;
    return { id: `price.${q.product}`, label: `Price of ${p.vendor} ${p.name} (quoted, replaces the list price)`, unit: `USD/${p.unit}`, value: q.price, confidence: "assumption" as const, sources: [], note: q.note, changed: true };
  });
  const plan = scenario.plan;
  const range = (id: string, label: string, unit: string, r: { low: number; likely: number; high: number }) => ({ id: `plan.${id}`, label: `Plan: ${label}`, unit, value: { kind: "range" as const, low: r.low, likely: r.likely, high: r.high }, confidence: "assumption" as const, sources: [], changed: false });
  const planRows = plan
    ? [
        range("capacityperweek", "team capacity at full speed", "devices/week", plan.capacityPerWeek),
        { id: "plan.learningweeks", label: "Plan: weeks to reach full speed", unit: "weeks", value: { kind: "point" as const, value: plan.learningWeeks }, confidence: "assumption" as const, sources: [], changed: false },
        range("procurementdays", "procurement", "days", plan.procurementDays),
        range("preparationdays", "preparation", "days", plan.preparationDays),
        range("pilotdays", "pilot ring", "days", plan.pilotDays),
        range("stragglershare", "share of devices left as stragglers", "fraction", plan.stragglerShare),
        range("stragglerdays", "stragglers phase", "days", plan.stragglerDays),
        range("decommissiondays", "decommissioning the management server", "days", plan.decommissionDays),
        range("slippage", "slippage (every phase stretched together)", "×", plan.slippage),
      ]
    : [];
  return [...prices, ...planRows];
}

/** The assumptions the model read (defaults, each replaced by the scenario's own), marked when the scenario changed them. */
export function memoLedger(defaults: Iterable<Assumption>, overrides: readonly Assumption[], read?: ReadonlySet<string>): MemoInputs["assumptions"] {
  const changed = new Set(overrides.map((a) => a.id));
  return [...new Map([...defaults, ...overrides].map((a) => [a.id, a])).values()].filter((a) => !read || read.has(a.id)).map((a) => ({ ...a, changed: changed.has(a.id) }));
}

/**
 * What the content hash covers: every input of the evaluation (the scenarios, the fleet and the
 * data files). The CLI and the browser hash the same text, so a memo made in either can be
 * checked against `offramp memo` on the same inputs.
 */
export function hashText(subject: Scenario, alternatives: readonly Scenario[], context: EvaluationContext): string {
  return JSON.stringify({ scenario: subject, alternatives: alternatives.map((a) => alternativeFor(subject, a)), rows: context.rows, defaults: context.defaults, book: context.book, options: context.options, regulation: context.regulation });
}

/**
 * The inventory as the memo's appendix lists it: each export by its file name (the CLI names
 * files relative to the scenario, a browser by name alone), sorted, so both write the same lines.
 */
export function memoInventory(sources: readonly SourceReport[]): MemoInputs["inventory"] {
  const name = (file: string) => file.split(/[\\/]/).pop() || file;
  const report = inventoryReport(sources);
  return {
    read: report.read.map((r) => ({ ...r, file: name(r.file) })).sort((a, b) => a.file.localeCompare(b.file)),
    unreadable: report.unreadable.map((u) => ({ ...u, file: name(u.file) })).sort((a, b) => a.file.localeCompare(b.file)),
  };
}

/** Everything the memo says, from the workbook's one evaluation: the CLI and the Memo page both build it here. */
export async function memoInputs(subject: Scenario, alternatives: readonly Scenario[], context: EvaluationContext, inventory: { sources: readonly SourceReport[]; installs: readonly InstallRow[] }, result: WorkbookEvaluation, software: MemoInputs["software"]): Promise<MemoInputs> {
  const event = (role: "salesStopped" | "updatesStopped") => {
    const e = milestone(context.regulation, role);
    return { date: e.date, instant: eventInstant(e).toISOString(), time: e.time ? `${e.time.local} ${e.time.zone}` : null, citation: e.citation, instrument: e.instrument };
  };
  const e = result.subject.exposure;
  const obligations = obligationsFor(context.regulation, subject.profile);
  return {
    scenario: subject,
    evaluation: withoutDraws(result.subject.evaluation),
    alternatives: result.alternatives.map(withoutDraws),
    decision: result.decision,
    obligations,
    continuedUseLawful: lawfulUnder(obligations),
    milestones: { salesStopped: event("salesStopped"), updatesStopped: event("updatesStopped") },
    fleet: memoFleet(context.rows),
    inventory: memoInventory(inventory.sources),
    review: devicesToReview(context.rows, inventory.installs),
    exposure: { valueOfInformation: e.valueOfInformation, tornado: e.tornado, fleetMultiplier: e.fleetMultiplier, frozenWeightShare: e.frozenWeightShare },
    assumptions: [...planAndPriceRows(subject, context.book), ...memoLedger(context.defaults, subject.assumptions, assumptionsRead(subject, context))],
    software,
    contentHash: await sha256(hashText(subject, alternatives, context)),
    trials: subject.trials,
  };
}
