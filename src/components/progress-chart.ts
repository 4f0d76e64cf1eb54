import * as Plot from "@observablehq/plot";
import type { TimelineReport } from "../lib/model/timeline-report.js";
import type { SnapshotStanding } from "../lib/progress/report.js";
import type { DeadlineForecast } from "../lib/progress/reforecast.js";

/** The plan's simulated burn-down as the Progress page's data loader gives it. */
export interface PlanBurnDown {
  start: string;
  devices: number;
  burnDown: TimelineReport["burnDown"];
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const n = (x: number) => Math.round(x).toLocaleString("en-US");

/**
 * Devices still on Kaspersky: the plan's P10–P90 band and median from its start (every device
 * on Kaspersky at the start), with each snapshot's actual count as a point, and the deadlines
 * still ahead of the latest snapshot.
 */
export function progressChart(plan: PlanBurnDown, snapshots: readonly SnapshotStanding[], deadlines: readonly DeadlineForecast[], { width, forecast = null }: { width: number; forecast?: { completion: { p50: string | null; p80: string | null } } | null }): SVGSVGElement | HTMLElement {
  // Every device is on Kaspersky until the plan starts: from the first snapshot (the scenario's inventory) if earlier.
  const first = snapshots[0]?.date;
  const before = first !== undefined && first < plan.start ? [{ week: 0, date: first, p10: plan.devices, p50: plan.devices, p90: plan.devices }] : [];
  const weeks = [...before, { week: 0, date: plan.start, p10: plan.devices, p50: plan.devices, p90: plan.devices }, ...plan.burnDown];
  // From the start until the slow end (P90) reaches zero, and never short of the latest snapshot.
  const lastSnapshot = snapshots.length ? snapshots[snapshots.length - 1]!.date : plan.start;
  const zero = weeks.findIndex((b) => b.p90 === 0);
  const throughZero = zero < 0 ? weeks : weeks.slice(0, zero + 2);
  const upTo = throughZero.length ? throughZero[throughZero.length - 1]!.date : plan.start;
  const latest = [upTo, lastSnapshot, forecast?.completion.p80 ?? ""].sort().pop()!;
  const end = weeks.find((b) => b.date >= latest)?.date ?? latest;
  const band = weeks.filter((b) => b.date <= end).map((b) => ({ ...b, at: date(b.date) }));
  const points = snapshots.map((s) => ({ at: date(s.date), count: s.kasperskyDevices, label: n(s.kasperskyDevices), title: `${s.date}: ${n(s.kasperskyDevices)} Kaspersky devices${s.band ? `; the plan expected ${n(s.band.p10)}–${n(s.band.p90)} (median ${n(s.band.p50)})` : ""}` }));
  const marks = deadlines.filter((d) => d.date <= end).map((d) => ({ at: date(d.date), label: d.passed ? `${d.label} (passed)` : d.label, stroke: d.passed ? "#777" : "#111" }));
  // The re-forecast's completion, median to P80, on the zero line.
  const done = forecast?.completion.p50 && forecast.completion.p80 ? [{ from: date(forecast.completion.p50), to: date(forecast.completion.p80), label: "re-forecast: all off, P50–P80" }] : [];
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: narrow ? 260 : 320,
    // The card's title names the y axis; the top margin holds the deadlines' labels, clear of the points.
    marginTop: 30,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel: "Devices still on Kaspersky: the plan and the snapshots",
    ariaDescription: `The plan's 10th to 90th percentile of devices still on Kaspersky each week as a band, its median as a line, and each snapshot's count as a point: ${points.map((p) => p.title).join("; ")}.`,
    x: { type: "utc", label: null, grid: true, ticks: narrow ? 4 : undefined },
    y: { label: null, grid: true, zero: true },
    marks: [
      Plot.areaY(band, { x: "at", y1: "p10", y2: "p90", fill: "#2c7fb8", fillOpacity: 0.2 }),
      Plot.line(band, { x: "at", y: "p50", stroke: "#2c7fb8", strokeWidth: 2 }),
      Plot.ruleX(marks, { x: "at", stroke: "stroke", strokeDasharray: "4,3" }),
      Plot.ruleY(done, { x1: "from", x2: "to", y: 0, stroke: "#c0392b", strokeWidth: 6 }),
      Plot.text(done, { x: "to", y: 0, text: "label", textAnchor: "end", dy: -10, fill: "#7b241c", fontSize: narrow ? 9 : 10, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
      // On a phone the deadlines' names would run into each other: the lines stay, the cards above name them.
      ...(narrow ? [] : [Plot.text(marks, { x: "at", text: "label", frameAnchor: "top", textAnchor: "end", dx: -4, dy: -16, fontSize: 10 })]),
      Plot.dot(points, { x: "at", y: "count", r: 5, fill: "#c0392b", stroke: "white", strokeWidth: 1.5, title: "title" }),
      Plot.text(points, { x: "at", y: "count", text: "label", textAnchor: "start", dx: 8, dy: -8, fill: "#7b241c", fontWeight: 600, fontSize: narrow ? 9 : 11, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.ruleY([0]),
    ],
  });
}

/** The legend under the chart, in words (the marks have no colour legend of their own). */
export const progressChartKey = "Blue band: the plan's P10–P90 of devices still on Kaspersky (from its simulation at the start); blue line: its median; red points: the snapshots' counts; red bar on the zero line: the re-forecast's completion, median to P80; dashed lines: deadlines (grey once passed).";
