import { z } from "zod";
import { PlanningDate } from "./common.js";
import { SegmentMatch } from "./price-book.js";

/** A duration or factor as low / most likely / high, drawn as PERT (default) or triangular. */
export const PlanRange = z
  .object({ low: z.number().min(0).max(1e7), likely: z.number().min(0).max(1e7), high: z.number().min(0).max(1e7), shape: z.enum(["pert", "triangular"]).optional() })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, { message: "expected low <= likely <= high" });

/** A range with its own ceiling: a phase of at most 20 years, a share of at most 1, and so on. */
const rangeUpTo = (max: number, what: string, min = 0) =>
  PlanRange.refine((r) => r.low >= min && r.high <= max, { message: `expected ${what}: from ${min} to ${max.toLocaleString("en-US")}` });
/** Twenty years, in days: no phase of a migration runs longer. */
const MAX_DAYS = 7300;
export type PlanRange = z.infer<typeof PlanRange>;

/** A group of devices migrated together; waves run in the order listed. */
export const Wave = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Which devices: segment fields, plus criticality tiers and internet exposure. */
  match: SegmentMatch.extend({ criticality: z.array(z.number().int().min(1).max(4)).optional(), internetFacing: z.boolean().optional() }),
});
export type Wave = z.infer<typeof Wave>;

/**
 * The migration plan: phases in sequence (procurement, preparation, the pilot ring, the waves,
 * the stragglers, then decommissioning the management server), each a range in days; waves
 * worked at the team's capacity with a learning curve; no migration during change freezes; one
 * slippage factor that stretches every phase together in a trial.
 */
export const MigrationPlan = z.object({
  start: PlanningDate,
  procurementDays: rangeUpTo(MAX_DAYS, "days"),
  preparationDays: rangeUpTo(MAX_DAYS, "days"),
  pilotDays: rangeUpTo(MAX_DAYS, "days"),
  /** Devices migrated in the pilot (taken from the first wave). */
  pilotDevices: z.number().int().min(0).max(10_000_000),
  waves: z.array(Wave).min(1),
  /** Devices a week the team migrates at full speed. */
  capacityPerWeek: rangeUpTo(1_000_000, "devices a week, above 0", Number.MIN_VALUE),
  /** Weeks for the team to reach full speed, starting at half speed. */
  learningWeeks: z.number().min(0).max(520),
  /** Share of each wave's devices that fail and wait for the stragglers phase. */
  stragglerShare: rangeUpTo(1, "a share"),
  stragglerDays: rangeUpTo(MAX_DAYS, "days"),
  decommissionDays: rangeUpTo(MAX_DAYS, "days"),
  /** Multiplies every duration in a trial: phases run late together. */
  slippage: rangeUpTo(10, "a factor of at least 1", 1),
  freezes: z.array(z.object({ label: z.string().min(1), from: PlanningDate, to: PlanningDate })).max(200).default([]),
});
export type MigrationPlan = z.infer<typeof MigrationPlan>;
