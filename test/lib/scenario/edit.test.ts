import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeChanges } from "../../../src/lib/scenario/changes.js";
import { scaledRange, withAssumptions, withInternalDeadline, withPlan, withPrices, withProfile } from "../../../src/lib/scenario/edit.js";
import { parseScenario } from "../../../src/lib/scenario/parse.js";
import { AssumptionSet, PriceBook, ReplacementOptions } from "../../../src/lib/schema/index.js";

const json = (path: string) => JSON.parse(readFileSync(`data/${path}`, "utf8"));
const defaults = AssumptionSet.parse(json("assumptions.json")).assumptions;
const book = PriceBook.parse(json("pricebook.json"));
const options = ReplacementOptions.parse(json("replacement-options.json")).options;
const preset = parseScenario(json("scenarios/presets/phased-by-criticality.json"), "preset");
const facts = { defaults, book, options };

describe("editing the current scenario", () => {
  it("an assumption edited back to its default leaves no override; another edit is one override", () => {
    const d = defaults.find((a) => a.id === "cost_per_ticket")!;
    const edited = { ...d, value: { kind: "range" as const, low: 10, likely: 30, high: 50 } };
    const once = withAssumptions(preset, defaults, [edited]);
    expect(once.assumptions.filter((a) => a.id === "cost_per_ticket")).toHaveLength(1);
    expect(withAssumptions(once, defaults, [d]).assumptions.some((a) => a.id === "cost_per_ticket")).toBe(false);
    expect(preset.assumptions.some((a) => a.id === "cost_per_ticket")).toBe(false);
  });

  it("a price equal to the list price is no override; a quote is", () => {
    const p = book.products[0]!;
    expect(withPrices(preset, book, [{ product: p.id, price: p.price }]).prices).toEqual([]);
    expect(withPrices(preset, book, [{ product: p.id, price: { kind: "point", value: 1 } }]).prices).toEqual([{ product: p.id, price: { kind: "point", value: 1 } }]);
  });

  it("capacity edited as one number scales its range: 40/80/150 at 120 is 60/120/225", () => {
    expect(scaledRange({ low: 40, likely: 80, high: 150 }, 120)).toEqual({ low: 60, likely: 120, high: 225 });
  });

  it("one internal deadline, edited in place with its label, added when missing, removed on null", () => {
    const moved = withInternalDeadline(preset, "2027-09-30");
    const own = moved.deadlines.filter((d) => d.kind === "internal");
    expect(own).toEqual([{ ...preset.deadlines.find((d) => d.kind === "internal")!, date: "2027-09-30" }]);
    expect(moved.deadlines.map((d) => d.id)).toEqual(preset.deadlines.map((d) => d.id));
    const none = withInternalDeadline(preset, null);
    expect(none.deadlines.some((d) => d.kind === "internal")).toBe(false);
    expect(withInternalDeadline(none, "2027-01-31").deadlines.find((d) => d.kind === "internal")).toMatchObject({ id: "internal", date: "2027-01-31" });
  });
});

describe("what changed, in sentences", () => {
  it("says each change once, with its unit, never as JSON", () => {
    const plan = preset.plan!;
    const after = withProfile(
      withPlan(withPrices(withAssumptions(preset, defaults, [{ ...defaults.find((a) => a.id === "cost_per_ticket")!, value: { kind: "range", low: 6, likely: 30, high: 40 } }]), book, [{ product: "mde-p2", price: { kind: "point", value: 50 } }]), { capacityPerWeek: scaledRange(plan.capacityPerWeek, 120) }),
      { ...preset.profile, countries: ["US", "GB"] },
    );
    const texts = describeChanges(preset, after, facts).map((c) => c.text);
    expect(texts).toContain(`Capacity, most likely: ${plan.capacityPerWeek.likely} → 120 devices a week`);
    expect(texts).toContain("Cost per helpdesk ticket, most likely: 22 → 30 USD/ticket");
    expect(texts.some((t) => /^Price of Microsoft .*: .* → 50 USD a /.test(t))).toBe(true);
    expect(texts).toContain(`Countries of operation: ${preset.profile.countries.join(", ")} → US, GB`);
    expect(texts.join("\n")).not.toMatch(/[{}"]/);
    expect(describeChanges(preset, preset, facts)).toEqual([]);
  });
});

describe("the plan's phases and freezes as the Timeline page edits them", async () => {
  const { planRangeRows, fromPlanRangeRows, parseFreezes, freezesText } = await import("../../../src/lib/scenario/plan-edit.js");
  it("round-trips the phase ranges and the freezes unchanged", () => {
    const plan = preset.plan!;
    expect({ ...plan, ...fromPlanRangeRows(planRangeRows(plan), plan) }).toEqual(plan);
    expect(parseFreezes(freezesText(plan.freezes))).toEqual({ freezes: plan.freezes, errors: [] });
  });
  it("reports a bad freeze line by number and keeps the good ones", () => {
    const r = parseFreezes("Year end, 2026-12-18, 2027-01-04\nBad line\nQuarter close, 2027-03-31, 2027-03-01\nLeap, 2027-02-29, 2027-03-02");
    expect(r.freezes).toEqual([{ label: "Year end", from: "2026-12-18", to: "2027-01-04" }]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.errors[1]!.message).toMatch(/ends \(2027-03-01\) before it starts/);
  });
});

describe("the organisation profile as the Regulation page edits it", async () => {
  const { profileFromForm } = await import("../../../src/lib/scenario/profile-edit.js");
  const form = { ...preset.profile, countries: "us, de ;CA us" };
  it("reads countries typed in any case and separator, once each", () => {
    expect(profileFromForm(form).profile?.countries).toEqual(["US", "DE", "CA"]);
  });
  it("says why a form cannot be a profile, and gives none", () => {
    expect(profileFromForm({ ...form, countries: "USA, DE" }).error).toMatch(/"USA" is not/);
    expect(profileFromForm({ ...form, countries: " " }).error).toMatch(/at least one country/);
    expect(profileFromForm({ ...form, name: "  " }).error).toMatch(/needs a name/);
  });
});

describe("a plan added or removed", () => {
  it("is one change, not one per field", () => {
    const { plan: _plan, ...rest } = preset;
    const texts = describeChanges({ ...rest } as typeof preset, preset, facts).map((c) => c.text);
    expect(texts).toContain("Migration plan: none → planned");
    expect(texts.some((t) => t.startsWith("Capacity"))).toBe(false);
  });
});

describe("the Timeline page's plan edits", async () => {
  const { editedPlan, orderWaves, planRangeRows } = await import("../../../src/lib/scenario/plan-edit.js");
  const plan = preset.plan!;
  const same = { start: plan.start, capacity: plan.capacityPerWeek.likely, learningWeeks: plan.learningWeeks, slippage: plan.slippage.likely };
  it("leave the plan as it is when no control moved", () => {
    expect(editedPlan(plan, same, planRangeRows(plan), plan.freezes, plan.waves.map((w) => w.id))).toEqual(plan);
  });
  it("scale the capacity range, widen the slippage range, and reorder the waves", () => {
    const ids = plan.waves.map((w) => w.id).reverse();
    const next = editedPlan(plan, { ...same, capacity: plan.capacityPerWeek.likely * 2, slippage: plan.slippage.high + 0.5 }, planRangeRows(plan), [], ids);
    expect(next.capacityPerWeek).toEqual({ ...plan.capacityPerWeek, low: plan.capacityPerWeek.low * 2, likely: plan.capacityPerWeek.likely * 2, high: plan.capacityPerWeek.high * 2 });
    expect(next.slippage).toMatchObject({ likely: plan.slippage.high + 0.5, high: plan.slippage.high + 0.5, low: plan.slippage.low });
    expect(next.waves.map((w) => w.id)).toEqual(ids);
    expect(next.freezes).toEqual([]);
  });
  it("orders waves by id, ignoring unknown ids and keeping the ones left out at the end", () => {
    const [a, b, c] = plan.waves;
    expect(orderWaves(plan.waves, [c!.id, "nope", a!.id]).slice(0, 3).map((w) => w.id)).toEqual([c!.id, a!.id, b!.id]);
  });
});

describe("the sector", async () => {
  const { profileFromForm } = await import("../../../src/lib/scenario/profile-edit.js");
  it("is kept when typed, left out when blank, and said as a change", () => {
    const form = { ...preset.profile, countries: "US" };
    expect(profileFromForm({ ...form, sector: "  freight  " }).profile?.sector).toBe("freight");
    expect("sector" in profileFromForm({ ...form, sector: " " }).profile!).toBe(false);
    const after = { ...preset, profile: { ...preset.profile, sector: "freight" } };
    expect(describeChanges(preset, after, facts).map((c) => c.text)).toContain("Sector: not stated → freight");
  });
});

describe("the scenario's own deadlines and distinct ids", async () => {
  const { withDeadlineDates, distinctIds } = await import("../../../src/lib/scenario/edit.js");
  it("moves internal and contractual deadlines by id, never a regulatory one or to a day that does not exist", () => {
    const s = { ...preset, deadlines: [...preset.deadlines, { id: "reg", label: "Rule", date: "2025-01-01", kind: "regulatory" as const }] };
    const own = s.deadlines.find((d) => d.kind === "contractual")!;
    const moved = withDeadlineDates(s, { [own.id]: "2027-09-30", reg: "2030-01-01", nope: "2027-01-01" });
    expect(moved.deadlines.find((d) => d.id === own.id)!.date).toBe("2027-09-30");
    expect(moved.deadlines.find((d) => d.id === "reg")!.date).toBe("2025-01-01");
    expect(withDeadlineDates(s, { [own.id]: "2027-02-30" })).toBe(s);
    expect(withDeadlineDates(s, { constructor: "2027-01-01" })).toBe(s);
  });
  it("tells apart scenarios that share an id, keeping the first", () => {
    expect(distinctIds([preset, preset, { ...preset, id: "x" }]).map((s) => s.id)).toEqual([preset.id, `${preset.id}-2`, "x"]);
  });
});

describe("a new organisation name", () => {
  it("renames a scenario named for the organisation, and only that", () => {
    const named = { ...preset, name: `${preset.profile.name}: plan A` };
    expect(withProfile(named, { ...preset.profile, name: "Northwind" }).name).toBe("Northwind: plan A");
    expect(withProfile(preset, { ...preset.profile, name: "Northwind" }).name).toBe(preset.name);
  });
});
