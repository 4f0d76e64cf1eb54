/**
 * The migration plan's phases and change freezes as editable rows and text, and back: the
 * Timeline page edits the current scenario's plan through these.
 */
import type { Assumption, MigrationPlan } from "../schema/index.js";
import { scaledRange } from "./edit.js";

type RangeKey = "procurementDays" | "preparationDays" | "pilotDays" | "stragglerShare" | "stragglerDays" | "decommissionDays" | "slippage" | "capacityPerWeek";

/**
 * The plan's duration ranges a person edits in a table, in the order the plan runs them. The
 * team's capacity and the slippage have sliders of their own (one control per value).
 */
export const PLAN_RANGES: readonly { key: RangeKey; label: string; unit: string }[] = [
  { key: "procurementDays", label: "Procurement", unit: "days" },
  { key: "preparationDays", label: "Preparation (console, policies, packages)", unit: "days" },
  { key: "pilotDays", label: "Pilot ring", unit: "days" },
  { key: "stragglerShare", label: "Share of devices that fail and wait for the stragglers phase", unit: "fraction" },
  { key: "stragglerDays", label: "Stragglers phase", unit: "days" },
  { key: "decommissionDays", label: "Decommissioning the management server", unit: "days" },
];

/** The plan's ranges as rows for the assumption editor (the plan's own, not sourced: "assumption"). */
export function planRangeRows(plan: MigrationPlan): Assumption[] {
  return PLAN_RANGES.map(({ key, label, unit }) => {
    const r = plan[key];
    return { id: key, label, unit, value: { kind: "range", low: r.low, likely: r.likely, high: r.high }, confidence: "assumption", sources: [], note: "The plan's own estimate: low, most likely and high." } as Assumption;
  });
}

/** The edited rows back as plan ranges (each keeps its shape). */
export function fromPlanRangeRows(rows: readonly Assumption[], plan?: MigrationPlan): Partial<MigrationPlan> {
  const out: Partial<Record<RangeKey, MigrationPlan[RangeKey]>> = {};
  for (const row of rows) {
    if (row.value.kind !== "range" || !PLAN_RANGES.some((r) => r.key === row.id)) continue;
    const key = row.id as RangeKey;
    const shape = plan?.[key].shape;
    out[key] = { low: row.value.low, likely: row.value.likely, high: row.value.high, ...(shape ? { shape } : {}) };
  }
  return out as Partial<MigrationPlan>;
}

/** Change freezes as text, one a line: `label, from, to` (dates YYYY-MM-DD). */
export function freezesText(freezes: MigrationPlan["freezes"]): string {
  return freezes.map((f) => `${f.label}, ${f.from}, ${f.to}`).join("\n");
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string) => ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Reads `freezesText`'s format back; a bad line is reported by number and left out, never fatal. */
export function parseFreezes(text: string): { freezes: MigrationPlan["freezes"]; errors: { line: number; message: string }[] } {
  const freezes: MigrationPlan["freezes"] = [];
  const errors: { line: number; message: string }[] = [];
  text.split(/\r?\n/).slice(0, 200).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parts = line.split(",").map((p) => p.trim());
    if (parts.length !== 3) return errors.push({ line: i + 1, message: `expected "label, from, to", got ${parts.length} part${parts.length === 1 ? "" : "s"}` });
    const [label, from, to] = parts as [string, string, string];
    if (!label) return errors.push({ line: i + 1, message: "the freeze needs a label" });
    if (!realDate(from) || !realDate(to)) return errors.push({ line: i + 1, message: "dates are written YYYY-MM-DD" });
    if (to < from) return errors.push({ line: i + 1, message: `it ends (${to}) before it starts (${from})` });
    freezes.push({ label: label.slice(0, 120), from, to });
  });
  return { freezes, errors };
}

/** What the Timeline page's controls give: one number each for the capacity and slippage (most likely). */
export interface PlanControls {
  start: string | null;
  capacity: number;
  learningWeeks: number;
  slippage: number;
}

/**
 * The plan with the Timeline page's edits: the capacity edited as its most likely value scales
 * its range; the slippage's range widens to hold its new most likely value; phases, freezes and
 * the waves' order replace the plan's own. A control left as it was changes nothing.
 */
export function editedPlan(plan: MigrationPlan, controls: PlanControls, phases: readonly Assumption[], freezes: MigrationPlan["freezes"], waveOrder: readonly string[]): MigrationPlan {
  const capacityPerWeek = plan.capacityPerWeek.likely === controls.capacity ? plan.capacityPerWeek : scaledRange(plan.capacityPerWeek, controls.capacity);
  const s = plan.slippage;
  const slippage = s.likely === controls.slippage ? s : { ...s, likely: controls.slippage, low: Math.min(s.low, controls.slippage), high: Math.max(s.high, controls.slippage) };
  return { ...plan, ...fromPlanRangeRows(phases, plan), start: controls.start ?? plan.start, capacityPerWeek, learningWeeks: controls.learningWeeks, slippage, freezes: [...freezes], waves: orderWaves(plan.waves, waveOrder) };
}

/**
 * The waves in the order given by their ids (waves run in order, so this is the migration's
 * priority); ids that name no wave are ignored, and waves the order leaves out keep their place
 * after the others.
 */
export function orderWaves(waves: MigrationPlan["waves"], ids: readonly string[]): MigrationPlan["waves"] {
  const byId = new Map(waves.map((w) => [w.id, w]));
  const ordered = [...new Set(ids)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return [...ordered, ...waves.filter((w) => !ordered.includes(w))];
}
