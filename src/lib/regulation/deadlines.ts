import type { Deadline, OrgProfile, Timeline } from "../schema/index.js";
import type { ApplicableObligation } from "./obligations.js";
import { obligationsFor } from "./obligations.js";

/**
 * The deadlines a migration plan is tested against: the dates of the legal prohibitions and
 * contractual obligations that apply to the organisation, then its own contractual and
 * internal deadlines. One deadline per event (the strictest class wins), in date order.
 */
export function deadlinesFor(timeline: Timeline, profile: OrgProfile, own: readonly Deadline[] = []): Deadline[] {
  return deadlinesOf(obligationsFor(timeline, profile), own);
}

export function deadlinesOf(obligations: readonly ApplicableObligation[], own: readonly Deadline[] = []): Deadline[] {
  const byEvent = new Map<string, Deadline>();
  for (const o of obligations) {
    if (!o.deadline || (o.class !== "legal-prohibition" && o.class !== "contractual")) continue;
    const kind = o.class === "legal-prohibition" ? "regulatory" : "contractual";
    const known = byEvent.get(o.eventId);
    if (known && known.kind === "regulatory") continue;
    byEvent.set(o.eventId, { id: o.eventId, label: o.title, date: o.instant.slice(0, 10), kind, eventId: o.eventId });
  }
  return [...byEvent.values(), ...own].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
