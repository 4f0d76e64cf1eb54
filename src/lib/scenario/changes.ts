/**
 * What changed between two scenarios, as one sentence per change ("Capacity, most likely: 80 →
 * 120 devices a week"), never JSON. Both scenarios are read field by field into named values
 * (an assumption or price the scenario does not override reads as the workbook's default), and
 * each named value that differs is one change. Flat, with no recursion over user data.
 */
import type { Assumption, AssumptionValue, PriceBook, ReplacementOption, Scenario } from "../schema/index.js";

/** One change, for people. */
export interface ChangeSentence {
  /** Stable key, e.g. `plan.capacityPerWeek.likely` or `assumption:lef_baseline_midsize.likely`. */
  key: string;
  /** What changed, e.g. "Capacity, most likely". */
  label: string;
  before: string;
  after: string;
  /** The whole sentence. */
  text: string;
}

/** The workbook's facts the names and defaults come from. */
export interface ChangeFacts {
  defaults: readonly Assumption[];
  book?: PriceBook;
  options?: readonly ReplacementOption[];
}

interface Named {
  label: string;
  value: string | number | boolean | null;
  unit?: string;
}

const PLAN_RANGES: [keyof NonNullable<Scenario["plan"]>, string, string][] = [
  ["capacityPerWeek", "Capacity", "devices a week"],
  ["procurementDays", "Procurement", "days"],
  ["preparationDays", "Preparation", "days"],
  ["pilotDays", "Pilot", "days"],
  ["stragglerShare", "Share of devices left as stragglers", ""],
  ["stragglerDays", "Stragglers phase", "days"],
  ["decommissionDays", "Decommissioning the management server", "days"],
  ["slippage", "Slippage", "×"],
];
const PROFILE_FLAGS: [string, string][] = [
  ["usPerson", "US person"],
  ["federalAgency", "US federal agency"],
  ["federalContractor", "US federal contractor"],
  ["fccSubsidyRecipient", "FCC subsidy recipient"],
  ["resellerMspOem", "Reseller, MSP or OEM"],
  ["criticalInfrastructure", "Critical-infrastructure operator"],
  ["governmentSystems", "Runs government systems"],
];
const PARTS = ["low", "likely", "high"] as const;
const PART_LABEL = { low: "low", likely: "most likely", high: "high" } as const;

function putValue(out: Map<string, Named>, key: string, label: string, value: AssumptionValue, unit: string): void {
  if (value.kind === "point") out.set(key, { label, value: value.value, unit });
  else for (const p of PARTS) out.set(`${key}.${p}`, { label: `${label}, ${PART_LABEL[p]}`, value: value[p], unit });
}

/** Every value a person edits in a scenario, by a stable key, with its name and unit. */
export function namedValues(scenario: Scenario, facts: ChangeFacts, ids: { assumptions: ReadonlySet<string>; prices: ReadonlySet<string> }): Map<string, Named> {
  const out = new Map<string, Named>();
  out.set("name", { label: "Name", value: scenario.name });
  out.set("description", { label: "Description", value: scenario.description });
  out.set("asOf", { label: "Figures as of", value: scenario.asOf });
  const option = facts.options?.find((o) => o.id === scenario.option);
  out.set("option", { label: "Replacement", value: option?.name ?? scenario.option });
  out.set("trials", { label: "Trials", value: scenario.trials });
  out.set("seed", { label: "Seed", value: scenario.seed });
  out.set("horizonMonths", { label: "Horizon", value: scenario.horizonMonths ?? 36, unit: "months" });
  out.set("riskTolerance", { label: "Risk tolerance", value: scenario.riskTolerance ?? null, unit: "USD a year" });
  out.set("profile.name", { label: "Organisation", value: scenario.profile.name });
  out.set("profile.sector", { label: "Sector", value: scenario.profile.sector ?? "not stated" });
  out.set("profile.countries", { label: "Countries of operation", value: scenario.profile.countries.join(", ") });
  for (const [k, label] of PROFILE_FLAGS) out.set(`profile.${k}`, { label, value: (scenario.profile as Record<string, unknown>)[k] ? "yes" : "no" });
  const defaults = new Map(facts.defaults.map((a) => [a.id, a]));
  const overrides = new Map(scenario.assumptions.map((a) => [a.id, a]));
  for (const id of ids.assumptions) {
    const a = overrides.get(id) ?? defaults.get(id);
    if (a) putValue(out, `assumption:${id}`, a.label, a.value, a.unit);
  }
  const list = new Map((facts.book?.products ?? []).map((p) => [p.id, p]));
  const quoted = new Map((scenario.prices ?? []).map((p) => [p.product, p]));
  for (const id of ids.prices) {
    const product = list.get(id);
    const price = quoted.get(id)?.price ?? product?.price;
    if (price) putValue(out, `price:${id}`, product ? `Price of ${product.vendor} ${product.name}` : `Price of ${id}`, price, product ? `USD a ${product.unit.replace("-", " ")}` : "USD");
  }
  for (const d of scenario.deadlines) out.set(`deadline:${d.id}`, { label: d.label, value: d.date });
  const plan = scenario.plan;
  out.set("plan", { label: "Migration plan", value: plan ? "planned" : "none" });
  if (plan) {
    out.set("plan.start", { label: "Plan starts", value: plan.start });
    for (const [k, label, unit] of PLAN_RANGES) {
      const r = plan[k] as { low: number; likely: number; high: number };
      for (const p of PARTS) out.set(`plan.${k}.${p}`, { label: `${label}, ${PART_LABEL[p]}`, value: r[p], unit });
    }
    out.set("plan.learningWeeks", { label: "Weeks to reach full speed", value: plan.learningWeeks, unit: "weeks" });
    out.set("plan.pilotDevices", { label: "Devices in the pilot", value: plan.pilotDevices, unit: "devices" });
    out.set("plan.waves", { label: "Waves, in order", value: plan.waves.map((w, i) => `${i + 1}. ${w.label}`).join(", ") });
    out.set("plan.freezes", { label: "Change freezes", value: plan.freezes.map((f) => `${f.label} ${f.from} to ${f.to}`).join("; ") || "none" });
  }
  out.set("narrative", { label: "The memo's own paragraphs", value: scenario.narrative.map((n) => `${n.heading}: ${n.text}`).join(" | ") || "none" });
  out.set("inventory", { label: "Inventory files", value: scenario.inventory.map((i) => i.file).join(", ") || "none" });
  return out;
}

function show(v: Named["value"], unit?: string): string {
  if (v === null) return "not set";
  if (typeof v === "number") {
    const text = Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumSignificantDigits: 4 });
    return unit && unit !== "×" ? `${text} ${unit}` : unit === "×" ? `${text}×` : text;
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  const text = v.length > 120 ? `${v.slice(0, 117)}…` : v;
  return text === "" ? "(empty)" : text;
}

/** The changes from `before` to `after`, one sentence each, in a stable order. */
export function describeChanges(before: Scenario, after: Scenario, facts: ChangeFacts): ChangeSentence[] {
  const ids = {
    assumptions: new Set([...before.assumptions, ...after.assumptions].map((a) => a.id)),
    prices: new Set([...(before.prices ?? []), ...(after.prices ?? [])].map((p) => p.product)),
  };
  const a = namedValues(before, facts, ids);
  const b = namedValues(after, facts, ids);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const out: ChangeSentence[] = [];
  // A plan added or removed is one change, not one per field.
  const planChanged = Boolean(before.plan) !== Boolean(after.plan);
  for (const key of keys) {
    if (planChanged && key.startsWith("plan.")) continue;
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.value === y.value) continue;
    const label = (y ?? x)!.label;
    const from = x ? show(x.value, x.unit) : "(absent)";
    const to = y ? show(y.value, y.unit) : "(removed)";
    // A number's unit is said once, after the new value: "80 → 120 devices a week".
    const unit = (y ?? x)!.unit;
    const bare = typeof x?.value === "number" && typeof y?.value === "number" && unit && unit !== "×";
    const text = bare ? `${label}: ${show(x!.value)} → ${to}` : `${label}: ${from} → ${to}`;
    out.push({ key, label, before: from, after: to, text });
  }
  return out;
}
