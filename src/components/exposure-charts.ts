import * as Plot from "@observablehq/plot";
import { usdShort as usd, labelAxis } from "./format.js";
import type { ExposureReport } from "../lib/model/exposure-report.js";
import type { WeeklyLoss } from "../lib/model/evaluate.js";
import type { FleetRow } from "../lib/model/fleet.js";

type Chart = SVGSVGElement | HTMLElement;

/** Devices running Kaspersky by business unit and criticality tier. */
export function unitByCriticality(rows: readonly FleetRow[], { width }: { width: number }): Chart {
  const counts = new Map<string, { unit: string; tier: string; devices: number; kaspersky: number }>();
  for (const r of rows) {
    const key = `${r.businessUnit}|${r.criticality}`;
    const cell = counts.get(key) ?? { unit: r.businessUnit, tier: `Tier ${r.criticality}`, devices: 0, kaspersky: 0 };
    cell.devices++;
    if (r.coveredProducts.length > 0) cell.kaspersky++;
    counts.set(key, cell);
  }
  const data = [...counts.values()];
  return Plot.plot({
    width,
    height: 60 + new Set(data.map((d) => d.unit)).size * 36,
    marginLeft: 100,
    ariaLabel: "Kaspersky devices by business unit and criticality",
    ariaDescription: "Each cell counts the devices running Kaspersky in one business unit at one criticality tier (tier 1 most critical).",
    x: { label: "Criticality", domain: ["Tier 1", "Tier 2", "Tier 3", "Tier 4"] },
    y: { label: null },
    color: { scheme: "reds", label: "Kaspersky devices", legend: true, tickFormat: (d: number) => (Number.isInteger(d) ? d.toLocaleString("en-US") : "") },
    marks: [
      Plot.cell(data, { x: "tier", y: "unit", fill: "kaspersky", inset: 1, tip: true, title: (d: { kaspersky: number; devices: number }) => `${d.kaspersky} of ${d.devices} devices run Kaspersky` }),
      Plot.text(data, { x: "tier", y: "unit", text: (d: { kaspersky: number }) => String(d.kaspersky), fill: (d: { kaspersky: number }) => (d.kaspersky > 60 ? "white" : "black") }),
    ],
  });
}

/** Expected annual loss rate week by week: doing nothing against the plan (the evaluation's `overTime`). */
export function lossOverTime(overTime: readonly WeeklyLoss[], { width }: { width: number }): Chart {
  const data = overTime.flatMap((p) => [
    { week: p.week, series: "Do nothing", value: p.doNothing },
    ...(p.plan === null ? [] : [{ week: p.week, series: "Plan", value: p.plan }]),
  ]);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 60,
    ariaLabel: "Expected annual loss over the next year, doing nothing and with the plan",
    ariaDescription: "Lines of expected annual loss (the mean over the simulated futures) by week from the as-of date.",
    x: { label: "Weeks from the as-of date" },
    y: { label: "Expected annual loss", tickFormat: usd, grid: true, zero: true },
    color: { domain: ["Do nothing", "Plan"], range: ["#c0392b", "#16a085"], legend: true },
    marks: [Plot.line(data, { x: "week", y: "value", stroke: "series", strokeWidth: 2, tip: true }), Plot.ruleY([0])],
  });
}

/** Loss exceedance curve with its Monte Carlo band (±2 SE) and the risk tolerance. */
export function exceedanceChart(report: ExposureReport, { width, tolerance }: { width: number; tolerance: number | null }): Chart {
  const curve = report.loss.exceedanceCurve.filter((p) => p.probability > 0);
  // The tolerance's label sits on the side of its line that has room (the x axis is logarithmic).
  const xs = curve.map((p) => p.threshold).filter((x) => x > 0);
  const middle = xs.length ? Math.sqrt(Math.min(...xs) * Math.max(...xs)) : 0;
  const right = tolerance !== null && tolerance > middle;
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 60,
    ariaLabel: "Loss exceedance curve",
    ariaDescription: "The probability that the year's loss exceeds each amount, with a band of two Monte Carlo standard errors, and the risk tolerance as a vertical line.",
    x: { type: "log", label: "Annual loss", tickFormat: usd },
    y: { label: "P(annual loss > x) (%)", percent: true, grid: true },
    marks: [
      Plot.areaY(curve, { x: "threshold", y1: (d: { probability: number; standardError: number }) => Math.max(0, d.probability - 2 * d.standardError), y2: (d: { probability: number; standardError: number }) => d.probability + 2 * d.standardError, fill: "#c0392b", fillOpacity: 0.15 }),
      Plot.line(curve, { x: "threshold", y: "probability", stroke: "#c0392b", strokeWidth: 2, tip: true }),
      ...(tolerance ? [Plot.ruleX([tolerance], { stroke: "#111", strokeDasharray: "4,3" }), Plot.text([tolerance], { x: (d: number) => d, text: () => "risk tolerance", frameAnchor: "top", textAnchor: right ? "end" : "start", dx: right ? -4 : 4 })] : []),
      Plot.ruleY([0]),
    ],
  });
}

/** Expected annual loss with each input at its low and high, the others at their most likely. */
export function tornadoChart(report: ExposureReport, { width }: { width: number }): Chart {
  const base = report.tornadoCentre;
  const data = report.tornado.flatMap((b) => [
    { label: b.label, end: "low", from: base, to: b.outputAtLow },
    { label: b.label, end: "high", from: base, to: b.outputAtHigh },
  ]);
  const labels = labelAxis(width, 300);
  return Plot.plot({
    width,
    height: 40 + report.tornado.length * 34,
    marginLeft: labels.marginLeft,
    ariaLabel: "Tornado chart of the inputs that move expected loss most",
    ariaDescription: "For each input, the expected annual loss when it is at its low and at its high end.",
    x: { label: "Expected annual loss", tickFormat: usd, grid: true },
    y: { label: null, domain: report.tornado.map((b) => b.label), tickFormat: labels.tickFormat },
    color: { domain: ["low", "high"], range: ["#2c7fb8", "#c0392b"], legend: true },
    marks: [Plot.barX(data, { y: "label", x1: "from", x2: "to", fill: "end", tip: true }), Plot.ruleX([base])],
  });
}
