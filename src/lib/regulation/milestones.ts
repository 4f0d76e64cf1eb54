import type { Milestone, RegulatoryEvent, Timeline } from "../schema/index.js";

/** The event a timeline names for a role, e.g. the day updates stopped. */
export function milestone(timeline: Timeline, role: Milestone): RegulatoryEvent {
  const id = timeline.milestones[role];
  const event = id === undefined ? undefined : timeline.events.find((e) => e.id === id);
  if (!event) throw new Error(`the ${timeline.programme} timeline names no "${role}" event`);
  return event;
}

/** The instant an event takes effect: its local time and offset when given, else 00:00 UTC on its first day. */
export function eventInstant(event: RegulatoryEvent): Date {
  const day = event.date.length === 4 ? `${event.date}-01-01` : event.date.length === 7 ? `${event.date}-01` : event.date;
  return new Date(event.time ? `${day}T${event.time.local}:00${event.time.utcOffset}` : `${day}T00:00:00Z`);
}
