/**
 * Edits to a scenario, as pure functions: each page's controls turn into one of these, so the
 * current scenario (and the memo, the CLI and a share link made from it) carries every edit.
 * None changes its argument.
 */
import { same } from "../util/same.js";
import type { Assumption, AssumptionValue, Deadline, MigrationPlan, OrgProfile, PriceBook, Scenario } from "../schema/index.js";


/**
 * The scenario with `edited` assumptions in place: an edited value equal to the workbook's
 * default leaves no override behind, so "changed" always means "differs from the default".
 * Overrides of other assumptions are kept.
 */
export function withAssumptions(scenario: Scenario, defaults: readonly Assumption[], edited: readonly Assumption[]): Scenario {
  const byId = new Map(defaults.map((d) => [d.id, d]));
  const ids = new Set(edited.map((a) => a.id));
  const kept = scenario.assumptions.filter((a) => !ids.has(a.id));
  const changed = edited.filter((a) => {
    const d = byId.get(a.id);
    return !d || !same(d.value, a.value);
  });
  return { ...scenario, assumptions: [...kept, ...changed.map((a) => structuredClone(a))] };
}

/** The scenario with quoted prices: a price equal to the book's list price leaves no override. */
export function withPrices(scenario: Scenario, book: PriceBook, edited: readonly { product: string; price: AssumptionValue }[]): Scenario {
  const list = new Map(book.products.map((p) => [p.id, p.price]));
  const ids = new Set(edited.map((e) => e.product));
  const kept = (scenario.prices ?? []).filter((p) => !ids.has(p.product));
  const quoted = edited.filter((e) => !list.has(e.product) || !same(list.get(e.product), e.price));
  return { ...scenario, prices: [...kept, ...quoted.map((e) => ({ product: e.product, price: structuredClone(e.price) }))] };
}

/** The scenario with parts of its plan replaced (a scenario without a plan is returned as it is). */
export function withPlan(scenario: Scenario, patch: Partial<MigrationPlan>): Scenario {
  if (!scenario.plan) return scenario;
  return { ...scenario, plan: { ...scenario.plan, ...structuredClone(patch) } };
}

/**
 * A range scaled so its most likely value is `likely`, keeping its shape: the team's capacity
 * edited as one number moves its low and high in proportion.
 */
export function scaledRange<R extends { low: number; likely: number; high: number }>(range: R, likely: number): R {
  if (!(range.likely > 0)) return { ...range, low: Math.min(range.low, likely), likely, high: Math.max(range.high, likely) };
  const ratio = likely / range.likely;
  return { ...range, low: range.low * ratio, likely, high: range.high * ratio };
}

/**
 * The scenario with another organisation profile (name, sector, countries and the audience
 * flags). A scenario named for the organisation ("Acme: baseline") follows a new name.
 */
export function withProfile(scenario: Scenario, profile: OrgProfile): Scenario {
  const old = scenario.profile.name;
  const name = old !== profile.name && scenario.name.startsWith(`${old}:`) ? `${profile.name}${scenario.name.slice(old.length)}` : scenario.name;
  return { ...scenario, name, profile: structuredClone(profile) };
}

/** The label an internal deadline gets when a scenario had none. */
export const INTERNAL_DEADLINE_LABEL = "Internal deadline: Kaspersky gone";

/** The scenario's own internal deadline (the first one), if it has one. */
export function internalDeadline(scenario: Scenario): Deadline | undefined {
  return scenario.deadlines.find((d) => d.kind === "internal");
}

/**
 * The scenario with its internal deadline on `date` (keeping its id and label), one added when
 * it had none, or removed when `date` is null. Regulation and Timeline both edit it here, so
 * the two pages show one deadline under one label.
 */
export function withInternalDeadline(scenario: Scenario, date: string | null): Scenario {
  const own = internalDeadline(scenario);
  const others = scenario.deadlines.filter((d) => d !== own);
  if (date === null) return { ...scenario, deadlines: others };
  const next: Deadline = own ? { ...own, date } : { id: "internal", label: INTERNAL_DEADLINE_LABEL, date, kind: "internal" };
  const index = own ? scenario.deadlines.indexOf(own) : scenario.deadlines.length;
  const deadlines = [...others];
  deadlines.splice(index, 0, next);
  return { ...scenario, deadlines };
}

/**
 * The scenario with its own deadlines (internal and contractual) moved to new dates, by id;
 * regulatory deadlines come from the timeline and are not the scenario's to move. Ids it does
 * not have, and dates that are not real days, change nothing.
 */
export function withDeadlineDates(scenario: Scenario, dates: Readonly<Record<string, string | null>>): Scenario {
  const real = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  const deadlines = scenario.deadlines.map((d) => {
    const date = Object.hasOwn(dates, d.id) ? dates[d.id] : null;
    return d.kind !== "regulatory" && date && real(date) && date !== d.date ? { ...d, date } : d;
  });
  return deadlines.every((d, i) => d === scenario.deadlines[i]) ? scenario : { ...scenario, deadlines };
}

/**
 * Scenarios to compare side by side with ids made distinct (an edited preset keeps its preset's
 * id): the second "phased-by-criticality" becomes "phased-by-criticality-2", so each evaluation
 * is told apart, in the order given.
 */
export function distinctIds(scenarios: readonly Scenario[]): Scenario[] {
  const seen = new Set<string>();
  return scenarios.map((s, i) => {
    let id = s.id;
    if (seen.has(id)) id = `${s.id}-${i + 1}`;
    seen.add(id);
    return id === s.id ? s : { ...s, id };
  });
}
