/** The actual counts against the plan's simulated burn-down: ahead of, inside or behind its P10–P90 band. */
import type { TimelineReport } from "../model/timeline-report.js";
import { utcMidnight } from "../util/dates.js";

export interface BandPoint {
  date: string;
  /** Kaspersky devices the plan expects still to run it on that day (P10 the fast end, P90 the slow). */
  p10: number;
  p50: number;
  p90: number;
}

export type Standing = "ahead" | "inside" | "behind";

/**
 * The plan's band on a day: the burn-down's weekly quantiles, linear between weeks, and every
 * device still on Kaspersky on the plan's start (before its first week).
 */
export function bandAt(report: Pick<TimelineReport, "start" | "devices" | "burnDown">, date: string): BandPoint {
  const days = (utcMidnight(date) - utcMidnight(report.start)) / 86_400_000;
  const points = [{ day: 0, p10: report.devices, p50: report.devices, p90: report.devices }, ...report.burnDown.map((b) => ({ day: 7 * b.week, p10: b.p10, p50: b.p50, p90: b.p90 }))];
  if (days <= 0) return { date, p10: report.devices, p50: report.devices, p90: report.devices };
  const last = points[points.length - 1]!;
  if (days >= last.day) return { date, p10: last.p10, p50: last.p50, p90: last.p90 };
  const k = points.findIndex((p) => p.day > days);
  const a = points[k - 1]!;
  const b = points[k]!;
  const f = (days - a.day) / (b.day - a.day);
  const at = (x: number, y: number) => x + (y - x) * f;
  return { date, p10: at(a.p10, b.p10), p50: at(a.p50, b.p50), p90: at(a.p90, b.p90) };
}

/** Fewer devices left than the plan's fast end (P10): ahead; more than its slow end (P90): behind. */
export function standing(actual: number, band: BandPoint): Standing {
  return actual < band.p10 ? "ahead" : actual > band.p90 ? "behind" : "inside";
}

/** Where a count stands, in words: ahead of or behind the plan outside its band; inside it, which side of its median. */
export function standingPhrase(actual: number, band: BandPoint): string {
  const s = standing(actual, band);
  if (s === "ahead") return "ahead of the plan";
  if (s === "behind") return "behind the plan";
  return `within the plan's range, ${actual > band.p50 ? "behind its median" : actual < band.p50 ? "ahead of its median" : "on its median"}`;
}

/** The standing said plainly, as the page, the CLI and the memo print it. */
export function standingText(actual: number, band: BandPoint): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return `${standingPhrase(actual, band)}: ${n(actual)} Kaspersky devices left on ${band.date}; the plan expected ${n(band.p10)} to ${n(band.p90)} by then, ${n(band.p50)} at the median`;
}
