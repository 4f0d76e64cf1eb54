import * as Plot from "@observablehq/plot";
import { usdShort as usd, labelAxis } from "./format.js";
import { COMPONENT_LABELS, COMPONENTS } from "../lib/model/cost.js";
import type { CostReport, OptionCost } from "../lib/model/cost-report.js";

type Chart = SVGSVGElement | HTMLElement;

/** One colour per component: there are more components than the default scheme's ten colours. */
const COMPONENT_COLOURS = ["#4e79a7", "#f28e2c", "#e15759", "#ff9da7", "#9c755f", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#5c5c5c", "#bab0ab"];

/** Each option's total present cost: P10–P90 as a bar, P50 as a tick. */
export function costRanges(report: CostReport, { width }: { width: number }): Chart {
  const data = report.options.map((o) => ({ name: o.name, p10: o.total.p[10], p50: o.total.p[50], p90: o.total.p[90] }));
  // On a narrow screen the option names wrap onto two lines and the bars leave room for their P50 label.
  const narrow = width < 600;
  return Plot.plot({
    width,
    height: 40 + data.length * (narrow ? 56 : 44),
    marginLeft: narrow ? 120 : 220,
    ariaLabel: "Total cost of each option, P10 to P90",
    ariaDescription: "For each replacement option, a bar from the 10th to the 90th percentile of the present cost over the horizon, and a tick at the median.",
    x: { label: `Present cost over ${report.horizonMonths} months`, tickFormat: usd, grid: true, domain: [0, (narrow ? 1.6 : 1.25) * Math.max(1, ...data.map((d) => d.p90))], ticks: narrow ? 3 : undefined },
    y: { label: null, domain: data.map((d) => d.name), axis: null },
    marks: [
      Plot.axisY({ label: null, lineWidth: narrow ? 10 : 30, tickSize: 0 }),
      Plot.barX(data, { y: "name", x1: "p10", x2: "p90", fill: "#2c7fb8", fillOpacity: 0.35, insetTop: 8, insetBottom: 8 }),
      Plot.tickX(data, { y: "name", x: "p50", stroke: "#2c7fb8", strokeWidth: 3 }),
      Plot.text(data, { y: "name", x: "p90", text: (d: { p50: number }) => `P50 ${usd(d.p50)}`, textAnchor: "start", dx: 6 }),
    ],
  });
}

/** One option's cost by component, month by month, at the most likely values. */
export function monthlyStack(option: OptionCost, { width }: { width: number }): Chart {
  const data = COMPONENTS.flatMap((c) => option.monthlyAtLikely[c].map((value, month) => ({ month, component: COMPONENT_LABELS[c], value }))).filter((d) => d.value > 0);
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 60,
    ariaLabel: `Monthly cost of ${option.name} by component`,
    ariaDescription: "Stacked bars: for each month from the start, the cost of each component at the most likely values.",
    x: { label: "Month", interval: 1 },
    y: { label: "Cost in the month", tickFormat: usd, grid: true },
    color: { legend: true, domain: COMPONENTS.map((c) => COMPONENT_LABELS[c]), range: COMPONENT_COLOURS },
    marks: [Plot.barY(data, { x: "month", y: "value", fill: "component", tip: true }), Plot.ruleY([0])],
  });
}

/** Which inputs move one option's total most. */
export function costTornado(option: OptionCost, { width }: { width: number }): Chart {
  const data = option.tornado.flatMap((b) => [
    { label: b.label, end: "low", value: b.outputAtLow },
    { label: b.label, end: "high", value: b.outputAtHigh },
  ]);
  const base = option.totalAtLikely;
  const labels = labelAxis(width, 320);
  return Plot.plot({
    width,
    height: 40 + option.tornado.length * 30,
    marginLeft: labels.marginLeft,
    ariaLabel: `What moves the cost of ${option.name} most`,
    ariaDescription: "For each input, the total cost at its low and its high end, the others at their most likely.",
    x: { label: "Present cost", tickFormat: usd, grid: true },
    y: { label: null, domain: option.tornado.map((b) => b.label), tickFormat: labels.tickFormat },
    color: { domain: ["low", "high"], range: ["#2c7fb8", "#c0392b"], legend: true },
    marks: [Plot.barX(data, { y: "label", x1: () => base, x2: "value", fill: "end", tip: true }), Plot.ruleX([base])],
  });
}
