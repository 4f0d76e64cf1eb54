import { z } from "zod";
import { IsoDate } from "./common.js";
import { SegmentMatch } from "./price-book.js";

/** A duration or factor as low / most likely / high, drawn as PERT (default) or triangular. */
export const PlanRange = z
  .object({ low: z.number().min(0), likely: z.number().min(0), high: z.number().min(0), shape: z.enum(["pert", "triangular"]).optional() })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, { message: "expected low <= likely <= high" });
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
  start: IsoDate,
  procurementDays: PlanRange,
  preparationDays: PlanRange,
  pilotDays: PlanRange,
  /** Devices migrated in the pilot (taken from the first wave). */
  pilotDevices: z.number().int().min(0),
  waves: z.array(Wave).min(1),
  /** Devices a week the team migrates at full speed. */
  capacityPerWeek: PlanRange,
  /** Weeks for the team to reach full speed, starting at half speed. */
  learningWeeks: z.number().min(0),
  /** Share of each wave's devices that fail and wait for the stragglers phase. */
  stragglerShare: PlanRange,
  stragglerDays: PlanRange,
  decommissionDays: PlanRange,
  /** Multiplies every duration in a trial: phases run late together. */
  slippage: PlanRange,
  freezes: z.array(z.object({ label: z.string().min(1), from: IsoDate, to: IsoDate })).default([]),
});
export type MigrationPlan = z.infer<typeof MigrationPlan>;
