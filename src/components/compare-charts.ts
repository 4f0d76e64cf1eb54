import * as Plot from "@observablehq/plot";
import { usdShort as usd } from "./format.js";
import type { Evaluation } from "../lib/model/evaluate.js";


/** Cost against risk: each scenario at its cost P50 and expected loss, with P10–P90 and ±2 SE bars. */
export function costVersusRisk(evaluations: readonly Omit<Evaluation, "draws">[], { width, document }: { width: number; document?: Document }): SVGSVGElement | HTMLElement {
  // Whole dollars: the chart then does not depend on the last bits of floating point, which differ
  // between Node and a browser, so `offramp memo` and the Memo page draw the same bytes.
  const $ = Math.round;
  const data = evaluations.map((e) => ({ name: e.name, cost: $(e.cost.p[50]), c10: $(e.cost.p[10]), c90: $(e.cost.p[90]), loss: $(e.lossWithPlan.mean), l1: $(e.lossWithPlan.mean - 2 * e.lossWithPlan.standardError), l2: $(e.lossWithPlan.mean + 2 * e.lossWithPlan.standardError) }));
  const labels = [...new Map(data.map((d) => [`${d.cost}|${d.loss}`, { cost: d.cost, loss: d.loss, name: data.filter((o) => o.cost === d.cost && o.loss === d.loss).map((o) => o.name).join(" = ") }])).values()];
  return Plot.plot({
    ...(document ? { document } : {}),
    width,
    height: 320,
    marginLeft: 70,
    ariaLabel: "Cost against risk for each scenario",
    ariaDescription: "Each scenario is a dot at its median cost and its expected loss over the coming year with its plan; the horizontal bar spans cost P10 to P90, the vertical bar two Monte Carlo standard errors of the loss.",
    x: { label: "Cost over the horizon (present value)", tickFormat: usd, grid: true, zero: true },
    y: { label: "Expected loss, coming year, with the plan", tickFormat: usd, grid: true },
    marks: [
      Plot.link(data, { x1: "c10", x2: "c90", y1: "loss", y2: "loss", stroke: "#2c7fb8" }),
      Plot.link(data, { x1: "cost", x2: "cost", y1: "l1", y2: "l2", stroke: "#c0392b" }),
      Plot.dot(data, { x: "cost", y: "loss", r: 6, fill: "#111", tip: true }),
      // Scenarios at the same point (the same strategy under two names) share one label instead of overprinting.
      Plot.text(labels, { x: "cost", y: "loss", text: "name", dy: -12 }),
    ],
  });
}
