import * as Plot from "@observablehq/plot";
import type { ApplicableObligation } from "../lib/regulation/obligations.js";
import type { ObligationClass, RegulatoryEvent } from "../lib/schema/index.js";

export const CLASS_COLORS: Record<ObligationClass | "does-not-apply", string> = {
  // Dark enough for white text on them (contrast at least 4.5:1).
  "legal-prohibition": "#a93226",
  contractual: "#a04000",
  technical: "#1f5f8b",
  advisory: "#5b4f96",
  context: "#566573",
  "does-not-apply": "#d5d8dc",
};

export interface TimelineMark {
  date: Date;
  label: string;
}

/**
 * One lane per jurisdiction: each event a dot coloured by what it means for the organisation
 * (grey when it does not apply), today's date and the organisation's own milestones as rules.
 */
export function regulationTimeline(
  events: readonly RegulatoryEvent[],
  obligations: readonly ApplicableObligation[],
  { width, today, milestones, instant }: { width: number; today: Date; milestones: readonly TimelineMark[]; instant: (e: RegulatoryEvent) => Date },
): SVGSVGElement | HTMLElement {
  const classOf = new Map<string, ObligationClass>();
  const rank: ObligationClass[] = ["legal-prohibition", "contractual", "technical", "advisory", "context"];
  for (const o of obligations) {
    const known = classOf.get(o.eventId);
    if (!known || rank.indexOf(o.class) < rank.indexOf(known)) classOf.set(o.eventId, o.class);
  }
  const data = events.map((e) => ({ date: instant(e), jurisdiction: e.jurisdiction, title: e.title, class: classOf.get(e.id) ?? "does-not-apply", id: e.id }));
  const lanes = [...new Set(data.map((d) => d.jurisdiction))].sort((a, b) => (a === "US" ? -1 : b === "US" ? 1 : a.localeCompare(b)));
  return Plot.plot({
    width,
    height: 60 + lanes.length * 34,
    marginLeft: 50,
    ariaLabel: "Regulatory timeline by jurisdiction",
    ariaDescription: "Each dot is an event, in its jurisdiction's lane, coloured by what it means for this organisation; the table below lists the same events.",
    x: { type: "utc", label: null, grid: true },
    y: { domain: lanes, label: null },
    color: { domain: Object.keys(CLASS_COLORS), range: Object.values(CLASS_COLORS), legend: true },
    marks: [
      Plot.ruleX([today], { stroke: "#111", strokeWidth: 1.5 }),
      Plot.text([today], { x: (d: Date) => d, text: () => "today", frameAnchor: "top", dy: -4, fontWeight: "bold" }),
      Plot.ruleX(milestones, { x: "date", stroke: "#16a085", strokeDasharray: "4,3" }),
      Plot.text(milestones, { x: "date", text: "label", frameAnchor: "bottom", textAnchor: "end", dx: -4, dy: 12, fill: "#16a085" }),
      Plot.dot(data, { x: "date", y: "jurisdiction", fill: "class", r: 5, stroke: "white", title: (d: { title: string; date: Date }) => `${d.date.toISOString().slice(0, 10)} ${d.title}`, tip: true }),
    ],
  });
}
