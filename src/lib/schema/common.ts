import { z } from "zod";

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/**
 * A date a scenario plans with (as-of date, plan start, deadlines, freezes): 1990 to 2100. Years
 * such as 0042 would be read as 1942 by `Date.UTC`, and 275760 is past what a Date can hold.
 */
export const PlanningDate = IsoDate.refine((d) => d >= "1990-01-01" && d <= "2100-12-31", { message: "expected a date from 1990-01-01 to 2100-12-31" });

/** An instant with an offset or `Z`, e.g. `2024-09-29T04:00:00Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code such as US or DE");

/** Where a fact comes from. `url` may be omitted only when `assumption` says so. */
export const Source = z.object({
  url: z.url(),
  title: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

/** How sure we are of a fact. */
export const Confidence = z.enum(["verified", "likely", "unverified", "assumption"]);
export type Confidence = z.infer<typeof Confidence>;
