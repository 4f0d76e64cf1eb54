import { deadlineDays } from "../regulation/deadlines.js";
import { MEET_PROBABILITY } from "../scenario/compare.js";
import type { DeadlineOutlook } from "./timeline-report.js";

/**
 * What a deadline's outlook means, in the one vocabulary every page, the CLI and the memo use:
 *
 * - `already-missed`: the deadline fell before the as-of date (and Kaspersky remains);
 * - `missed-before-start`: the plan starts after the deadline, so no schedule can meet it;
 * - `met`: met with probability of at least `MEET_PROBABILITY` (80%);
 * - `at-risk`: any other probability;
 * - `no-plan`: the scenario has no migration plan, and Kaspersky is there to remove (only when
 *   the caller says so, with `plan: null`).
 */
export type DeadlineStateId = "met" | "at-risk" | "missed-before-start" | "already-missed" | "no-plan";

export interface DeadlineState {
  state: DeadlineStateId;
  /** The words a table cell shows: "met (P 95.0%)", "at risk (P 62.0% ± 0.5%)", "missed before the plan starts"… */
  label: string;
  /** The probability of meeting the deadline with its Monte Carlo standard error ("62.0% ± 0.5%"), or null when the state is not a matter of probability. */
  probability: string | null;
}

/** The labels of the states that are not a matter of probability, and the leading words of the two that are. */
export const DEADLINE_STATE_LABELS: Record<DeadlineStateId, string> = {
  met: "met",
  "at-risk": "at risk",
  "missed-before-start": "missed before the plan starts",
  "already-missed": "already missed (before the as-of date)",
  "no-plan": "missed: no migration plan",
};

/** A probability to one decimal place ("62.0%"). */
export const probabilityPercent = (p: number): string => `${(p * 100).toFixed(1)}%`;

/** A probability and its standard error ("62.0% ± 0.5%"); an error that rounds to nothing but is not zero reads "under 0.1%". */
export const probabilityText = (p: number, standardError: number): string =>
  `${probabilityPercent(p)} ± ${standardError > 0 && standardError < 0.0005 ? "under 0.1%" : probabilityPercent(standardError)}`;

/**
 * The state of one deadline. `plan` is the migration plan the outlook was simulated for: its start
 * tells a plan that starts after the deadline (when the outlook does not carry `beforeStart`
 * itself); `null` says the scenario has no plan; leave it out when unknown.
 */
export function deadlineState(d: DeadlineOutlook, plan?: { start: string } | null): DeadlineState {
  const labels = DEADLINE_STATE_LABELS;
  if (d.passed) return { state: "already-missed", label: labels["already-missed"], probability: null };
  if (plan === null && d.probability === 0) return { state: "no-plan", label: labels["no-plan"], probability: null };
  const beforeStart = d.beforeStart ?? (plan ? deadlineDays(plan.start, d.deadline) <= 0 : false);
  if (beforeStart && d.probability === 0) return { state: "missed-before-start", label: labels["missed-before-start"], probability: null };
  const probability = probabilityText(d.probability, d.standardError);
  if (d.probability >= MEET_PROBABILITY) return { state: "met", label: `${labels.met} (P ${probabilityPercent(d.probability)})`, probability };
  return { state: "at-risk", label: `${labels["at-risk"]} (P ${probability})`, probability };
}
