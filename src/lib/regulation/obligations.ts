import type { Audience, ObligationClass, OrgProfile, RegulatoryEvent, Source, Timeline } from "../schema/index.js";
import { matchingAudiences } from "./applicability.js";
import { eventInstant } from "./milestones.js";

/** One event's effect on this organisation, through one of its audiences. */
export interface ApplicableObligation {
  eventId: string;
  /** As the instrument gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  datePrecision: RegulatoryEvent["datePrecision"];
  /** ISO instant the event takes effect (its local time and offset where given). */
  instant: string;
  jurisdiction: string;
  authority: string;
  instrument: string;
  citation: string;
  title: string;
  kind: RegulatoryEvent["kind"];
  confidence: RegulatoryEvent["confidence"];
  audience: Audience;
  class: ObligationClass;
  /** What it means for the organisation, in plain words. */
  effect: string;
  /** Whether the organisation must remove or migrate off the product by this date (see `Obligation.deadline`). */
  deadline: boolean;
  sources: Source[];
}

/** The class an event's kind implies when the event says nothing more for an audience. */
export function defaultClass(event: RegulatoryEvent, audience: Audience): ObligationClass {
  if (audience === "vendor") return "context";
  if (event.kind === "guidance") return "advisory";
  if (event.kind === "vendor-action") return "technical";
  if (audience === "federal-contractors") return "contractual";
  return "legal-prohibition";
}

/**
 * What each event of a timeline means for an organisation: one row per event and audience
 * that includes it, in date order. Events that reach none of its audiences are left out.
 */
export function obligationsFor(timeline: Timeline, profile: OrgProfile): ApplicableObligation[] {
  const rows: ApplicableObligation[] = [];
  for (const event of timeline.events) {
    for (const audience of matchingAudiences(profile, event)) {
      const stated = event.obligations?.find((o) => o.audience === audience);
      rows.push({
        eventId: event.id,
        date: event.date,
        datePrecision: event.datePrecision,
        instant: eventInstant(event).toISOString(),
        jurisdiction: event.jurisdiction,
        authority: event.authority,
        instrument: event.instrument,
        citation: event.citation,
        title: event.title,
        kind: event.kind,
        confidence: event.confidence,
        audience,
        class: stated?.class ?? defaultClass(event, audience),
        effect: stated?.effect ?? event.effect,
        deadline: stated?.deadline ?? ["legal-prohibition", "contractual"].includes(stated?.class ?? defaultClass(event, audience)),
        sources: event.sources,
      });
    }
  }
  return rows.sort((a, b) => a.instant.localeCompare(b.instant) || a.eventId.localeCompare(b.eventId));
}
