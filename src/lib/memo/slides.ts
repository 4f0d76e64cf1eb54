/**
 * The memo's key points as slides for present mode: the same figures as the memo, from the same
 * inputs, one point per slide.
 */
import { deadlineState } from "../model/deadline-state.js";
import { nextDeadline } from "../scenario/compare.js";
import { longDate, type MemoInputs } from "./build.js";
import { money, type Figure } from "./document.js";
import { deadlineForecastText } from "../progress/reforecast.js";

/** One slide: a heading and either a big figure with a line of context, or a chart. */
export interface Slide {
  title: string;
  figure?: string;
  context?: string;
  svg?: string;
}

const sentence = (r: string) => `${r[0]!.toUpperCase()}${r.slice(1)}.`;

export function memoSlides(inputs: MemoInputs, figures: readonly Figure[]): Slide[] {
  const e = inputs.evaluation;
  const deadline = nextDeadline(e);
  const byUnit = figures.find((f) => f.id === "by-unit");
  const costRisk = figures.find((f) => f.id === "cost-risk");
  const state = deadline ? deadlineState(deadline, e.completion === null ? null : undefined) : null;
  return [
    { title: "Where Kaspersky runs", figure: `${inputs.fleet.kasperskyDevices.toLocaleString("en-US")} devices`, context: `of ${inputs.fleet.devices.toLocaleString("en-US")}; ${e.counts.frozenDevices.toLocaleString("en-US")} with protection frozen since updates stopped on ${longDate(inputs.milestones.updatesStopped.date)}.` },
    ...(byUnit ? [{ title: "By business unit", svg: byUnit.svg, context: "Devices running Kaspersky in red, the rest in grey." }] : []),
    {
      title: "Expected loss over the coming year, with the plan",
      figure: money(e.lossWithPlan.mean),
      context: `Doing nothing: ${money(e.lossDoingNothing.mean)}. ${e.lossWithPlan.p90 > 0 ? `In one year in ten the loss would exceed ${money(e.lossWithPlan.p90)}.` : "In at least nine years in ten there would be no material loss event."}`,
    },
    { title: `Cost of "${e.optionName}"`, figure: money(e.cost.p[50]), context: `80% range ${money(e.cost.p[10])} to ${money(e.cost.p[90])}, present value.` },
    ...(deadline && state
      ? [{ title: deadline.deadline.label, figure: state.probability === null ? state.label : `${(deadline.probability * 100).toFixed(0)}% likely`, context: `${state.probability === null ? "Every" : `${state.label[0]!.toUpperCase()}${state.label.slice(1)}: every`} device off Kaspersky by ${longDate(deadline.deadline.date)}.` }]
      : []),
    ...progressSlide(inputs),
    ...(costRisk ? [{ title: "Cost against risk", svg: costRisk.svg }] : []),
    ...(inputs.decision?.recommendation ? [{ title: "Recommendation", figure: inputs.decision.recommendation.name, context: inputs.decision.recommendation.reasons.map(sentence).join(" ") }] : []),
  ];
}

/** "Progress since the last board report" in one slide, when the memo has snapshots: the count, the band and the re-forecast. */
function progressSlide(inputs: MemoInputs): Slide[] {
  const p = inputs.progress;
  if (!p || p.snapshots.length < 2) return [];
  const latest = p.snapshots[p.snapshots.length - 1]!;
  const f = p.forecast;
  const next = f?.deadlines.find((d) => !d.passed);
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const band = latest.band ? `The plan expected ${n(latest.band.p10)} to ${n(latest.band.p90)} (median ${n(latest.band.p50)}). ` : "";
  const outlook = f ? `Re-forecast: every device off by ${f.completion.p50 ? longDate(f.completion.p50) : "no date within ten years"} at the median${next ? `; ${next.label}: ${deadlineForecastText(next)}` : ""}.` : "";
  return [{ title: `Progress: ${longDate(latest.date)}`, figure: `${n(latest.kasperskyDevices)} devices left`, context: `${band}${outlook}` }];
}
