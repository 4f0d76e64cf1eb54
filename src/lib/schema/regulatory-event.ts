import { z } from "zod";
import { isCalendarDate } from "../util/dates.js";
import { Confidence, Source } from "./common.js";

export const DatePrecision = z.enum(["day", "month", "year"]);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** Who an event binds or concerns. */
export const Audience = z.enum([
  "all-users",
  "us-persons",
  "federal-agencies",
  "federal-contractors",
  "fcc-subsidy-recipients",
  "resellers-msp-oem",
  "critical-infrastructure",
  "government-systems",
  "vendor",
]);
export type Audience = z.infer<typeof Audience>;

export const EventKind = z.enum(["binding-rule", "sanction", "directive", "guidance", "vendor-action"]);
export type EventKind = z.infer<typeof EventKind>;

/** A local clock time with its offset, for instruments that name one (e.g. 00:00 EDT). */
export const EventTime = z.object({
  local: z.string().regex(/^\d{2}:\d{2}$/, "expected HH:MM"),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, "expected an offset such as -04:00"),
  zone: z.string().min(1),
});
export type EventTime = z.infer<typeof EventTime>;

/** What an event means for an organisation in one audience. */
export const ObligationClass = z.enum(["legal-prohibition", "contractual", "advisory", "technical", "context"]);
export type ObligationClass = z.infer<typeof ObligationClass>;

/** An event's effect on one audience, in plain words, when the default for its kind would mislead. */
export const Obligation = z.object({
  audience: Audience,
  class: ObligationClass,
  effect: z.string().min(1),
  /**
   * Whether the date is a deadline a migration plan must beat: only an obligation that
   * requires removing or migrating off the product by this date is. By default legal
   * prohibitions and contractual obligations are, so say `false` for one that is not: a
   * prohibition on the vendor's sales or updates (continued use is not penalised), a
   * restriction on dealings (sanctions on named people, export licences, spending a subsidy),
   * the day an instrument is issued or published when its removal milestone comes later, or
   * a reporting step.
   */
  deadline: z.boolean().optional(),
});
export type Obligation = z.infer<typeof Obligation>;

const datePatterns: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

export const RegulatoryEvent = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "ids are letters, digits, dots, underscores and hyphens"),
    programme: z.string().min(1),
    date: z.string(),
    datePrecision: DatePrecision,
    time: EventTime.nullable(),
    /** ISO country code, EU, or INTL for vendor-wide actions. */
    jurisdiction: z.string().regex(/^[A-Z]{2,4}$/, "expected a country code, EU or INTL"),
    authority: z.string().min(1),
    instrument: z.string().min(1),
    citation: z.string().min(1),
    title: z.string().min(1),
    /** What it requires or prohibits, in plain words. */
    effect: z.string().min(1),
    appliesTo: z.array(Audience).min(1),
    kind: EventKind,
    confidence: Confidence,
    sources: z.array(Source).min(1, "every event needs at least one source"),
    notes: z.string().optional(),
    /** Per-audience effects; audiences not listed get the default for the event's kind. */
    obligations: z.array(Obligation).optional(),
  })
  .superRefine((event, ctx) => {
    const pattern = datePatterns[event.datePrecision];
    if (!pattern.test(event.date) || !isCalendarDate(event.date.length === 4 ? `${event.date}-01-01` : event.date.length === 7 ? `${event.date}-01` : event.date)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: `"${event.date}" is not a valid date of precision ${event.datePrecision}` });
    }
    for (const [index, obligation] of (event.obligations ?? []).entries()) {
      if (!event.appliesTo.includes(obligation.audience)) ctx.addIssue({ code: "custom", path: ["obligations", index, "audience"], message: `"${obligation.audience}" is not one of the event's audiences (${event.appliesTo.join(", ")})` });
    }
    if (event.time && event.datePrecision !== "day") {
      ctx.addIssue({ code: "custom", path: ["time"], message: "a time needs a date of day precision" });
    }
  });
export type RegulatoryEvent = z.infer<typeof RegulatoryEvent>;

/** Events the models key on, named by role. */
export const Milestone = z.enum(["salesStopped", "updatesStopped"]);
export type Milestone = z.infer<typeof Milestone>;

export const Timeline = z
  .object({
    programme: z.string().min(1),
    description: z.string(),
    milestones: z.partialRecord(Milestone, z.string()),
    /** Points a reader gets wrong without being told, each with its sources. */
    nuances: z.array(z.object({ text: z.string().min(1), sources: z.array(Source).min(1) })).optional(),
    events: z.array(RegulatoryEvent).min(1),
  })
  .superRefine((timeline, ctx) => {
    const seen = new Set<string>();
    timeline.events.forEach((event, index) => {
      if (seen.has(event.id)) ctx.addIssue({ code: "custom", path: ["events", index, "id"], message: `duplicate event id "${event.id}"` });
      seen.add(event.id);
    });
    for (const [role, id] of Object.entries(timeline.milestones)) {
      if (!seen.has(id)) ctx.addIssue({ code: "custom", path: ["milestones", role], message: `names event "${id}", which is not in this timeline` });
    }
  });
export type Timeline = z.infer<typeof Timeline>;
