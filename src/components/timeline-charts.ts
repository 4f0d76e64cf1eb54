import { labelAxis } from "./format.js";
import * as Plot from "@observablehq/plot";
import type { TimelineReport } from "../lib/model/timeline-report.js";

type Chart = SVGSVGElement | HTMLElement;
const date = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/** Phases and waves as bars from their median start to median end, with the P10–P90 range of the end. */
export function gantt(report: TimelineReport, { width }: { width: number }): Chart {
  const rows = [
    ...report.phases.map((p) => ({ label: p.label, kind: "phase", start: date(p.start.p50), end: date(p.end.p50), p10: date(p.end.p10), p90: date(p.end.p90) })),
    ...report.waves.map((w) => ({ label: `Wave: ${w.label} (${w.devices})`, kind: "wave", start: date(report.phases.find((p) => p.id === "pilot")!.end.p50), end: date(w.end.p50), p10: date(w.end.p10), p90: date(w.end.p90) })),
  ].filter((r) => r.start && r.end);
  const labels = labelAxis(width, 300);
  return Plot.plot({
    width,
    height: 40 + rows.length * 26,
    marginLeft: labels.marginLeft,
    ariaLabel: "Gantt chart of the migration with uncertainty",
    ariaDescription: "Each phase and wave is a bar from its median start to its median end; the thin line spans the 10th to 90th percentile of its end.",
    x: { type: "utc", label: null, grid: true },
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: labels.tickFormat },
    color: { domain: ["phase", "wave"], range: ["#2c7fb8", "#16a085"] },
    marks: [
      Plot.barX(rows, { y: "label", x1: "start", x2: "end", fill: "kind", fillOpacity: 0.6, insetTop: 4, insetBottom: 4 }),
      Plot.link(rows, { y1: "label", y2: "label", x1: "p10", x2: "p90", stroke: "#333" }),
      Plot.tickX(rows, { y: "label", x: "p90", stroke: "#333" }),
    ],
  });
}

/** Devices still on Kaspersky: P10–P90 band and median, with the deadlines and their probabilities. */
export function burnDown(report: TimelineReport, { width }: { width: number }): Chart {
  const last = report.burnDown.findIndex((b) => b.p90 === 0);
  const data = report.burnDown.slice(0, last < 0 ? undefined : last + 2).map((b) => ({ ...b, at: date(b.date) }));
  const end = data[data.length - 1]?.at ?? new Date();
  const deadlines = report.deadlines.filter((d) => !d.passed && date(d.deadline.date)! <= end).map((d) => ({ at: date(d.deadline.date), label: `${d.deadline.label}: ${(d.probability * 100).toFixed(0)}%` }));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 60,
    ariaLabel: "Burn-down of devices still on Kaspersky",
    ariaDescription: "A band between the 10th and 90th percentile of devices still on Kaspersky each week, the median as a line, and each deadline with the probability of meeting it.",
    x: { type: "utc", label: null, grid: true },
    y: { label: "Devices on Kaspersky", grid: true, zero: true },
    marks: [
      Plot.areaY(data, { x: "at", y1: "p10", y2: "p90", fill: "#c0392b", fillOpacity: 0.2 }),
      Plot.line(data, { x: "at", y: "p50", stroke: "#c0392b", strokeWidth: 2, tip: true }),
      Plot.ruleX(deadlines, { x: "at", stroke: "#111", strokeDasharray: "4,3" }),
      Plot.text(deadlines, { x: "at", text: "label", frameAnchor: "top", textAnchor: "end", dx: -4, dy: 4 }),
      Plot.ruleY([0]),
    ],
  });
}
