import type { Deadline, OrgProfile, Timeline } from "../schema/index.js";
import { utcMidnight } from "../util/dates.js";
import type { ApplicableObligation } from "./obligations.js";
import { obligationsFor } from "./obligations.js";

const DAY_MS = 86_400_000;

/**
 * The deadlines a migration plan is tested against: the removal obligations (legal
 * prohibitions and contractual obligations whose `deadline` is true) that apply to the
 * organisation, then its own contractual and internal deadlines. One deadline per event (the
 * strictest class wins), in the order they fall due. A prohibition on the vendor's sales or
 * updates, on dealings with named people, or on spending a subsidy is not a deadline: it does
 * not require removing anything by a date.
 */
export function deadlinesFor(timeline: Timeline, profile: OrgProfile, own: readonly Deadline[] = []): Deadline[] {
  return deadlinesOf(obligationsFor(timeline, profile), own);
}

export function deadlinesOf(obligations: readonly ApplicableObligation[], own: readonly Deadline[] = []): Deadline[] {
  const byEvent = new Map<string, Deadline>();
  for (const o of obligations) {
    if (!isRemovalObligation(o)) continue;
    const kind = o.class === "legal-prohibition" ? "regulatory" : "contractual";
    const known = byEvent.get(o.eventId);
    if (known && known.kind === "regulatory") continue;
    byEvent.set(o.eventId, { id: o.eventId, label: o.title, date: o.instant.slice(0, 10), instant: o.instant, kind, eventId: o.eventId });
  }
  return [...byEvent.values(), ...own].sort((a, b) => deadlineMs(a) - deadlineMs(b) || a.id.localeCompare(b.id));
}

/** Whether an obligation requires removal or migration by its date: a legal or contractual deadline. */
export function isRemovalObligation(o: ApplicableObligation): boolean {
  return o.deadline && (o.class === "legal-prohibition" || o.class === "contractual");
}

/**
 * Milliseconds (Unix epoch) of the moment a deadline takes effect: its `instant` when given,
 * otherwise the end of its day, i.e. 00:00 UTC on the next day.
 */
export function deadlineMs(deadline: Pick<Deadline, "date" | "instant">): number {
  if (deadline.instant !== undefined) {
    const ms = Date.parse(deadline.instant);
    if (Number.isNaN(ms)) throw new RangeError(`"${deadline.instant}" is not an ISO 8601 instant`);
    return ms;
  }
  return utcMidnight(deadline.date) + DAY_MS;
}

/** The moment a deadline takes effect, as an ISO 8601 UTC instant (see `deadlineMs`). */
export function deadlineInstant(deadline: Pick<Deadline, "date" | "instant">): string {
  return new Date(deadlineMs(deadline)).toISOString();
}

/**
 * Fractional days from the plan's start (`YYYY-MM-DD`, taken as 00:00 UTC) to the moment the
 * deadline takes effect; negative when it fell before the plan starts. A plan whose last
 * device is migrated at day offset `d` meets the deadline if and only if
 * `d <= deadlineDays(planStart, deadline)`.
 *
 * Plan start 2024-09-28, BIS update cutoff 00:00 EDT 29 Sept 2024 (04:00 UTC): 1 + 4/24 days.
 * Plan start 2027-03-01, internal deadline dated 2027-03-31 (end of that day): 31 days.
 */
export function deadlineDays(planStart: string, deadline: Pick<Deadline, "date" | "instant">): number {
  return (deadlineMs(deadline) - utcMidnight(planStart)) / DAY_MS;
}

/**
 * Whether a deadline had passed by `asOf` (`YYYY-MM-DD`, taken as 00:00 UTC): it took effect
 * at or before 00:00 UTC that day (`deadlineDays(asOf, deadline) <= 0`). An internal deadline
 * dated the day before `asOf` has passed; one dated `asOf` itself has not (it runs to the end
 * of the day). The BIS cutoff (04:00 UTC on 29 Sept 2024) had not passed as of 2024-09-29.
 */
export function deadlinePassed(asOf: string, deadline: Pick<Deadline, "date" | "instant">): boolean {
  return deadlineDays(asOf, deadline) <= 0;
}
