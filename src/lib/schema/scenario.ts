import { z } from "zod";
import { Assumption, AssumptionValue } from "./assumption.js";
import { IsoDateTime, PlanningDate } from "./common.js";
import { MigrationPlan } from "./migration-plan.js";
import { OrgProfile } from "./org-profile.js";

/**
 * Version 2 added the replacement option and a memo narrative; version 3 added price overrides
 * and content hashes of inventory files. Older files migrate forward (lib/scenario/parse).
 */
export const SCENARIO_VERSION = 3;

/**
 * A deadline the plan is tested against: a date by which Kaspersky must be removed, from
 * regulation, a contract, or set internally. The plan meets it when its last device is off
 * Kaspersky by the deadline's instant: `instant` when given (regulatory deadlines carry the
 * instant their event takes effect, e.g. 00:00 EDT = 04:00 UTC), otherwise the end of `date`,
 * i.e. 00:00 UTC on the next day. See `deadlineDays` in lib/regulation/deadlines.
 */
export const Deadline = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The day the deadline falls on, as the instrument, contract or board states it. */
  date: PlanningDate,
  /** The exact moment it takes effect (ISO 8601 with an offset or Z); absent: the end of `date`, UTC. */
  instant: IsoDateTime.optional(),
  kind: z.enum(["regulatory", "contractual", "internal"]),
  /** The regulatory event it comes from, when it does. */
  eventId: z.string().optional(),
});
export type Deadline = z.infer<typeof Deadline>;

/** A reference to an inventory export; the scenario never holds inventory rows. */
export const InventorySourceRef = z.object({
  /** Relative to the scenario file's folder. */
  file: z.string().min(1),
  format: z.string().min(1).optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  /** The device an SBOM describes. */
  device: z.string().min(1).optional(),
  /** SHA-256 of the file's bytes (lowercase hex), so a scenario names exactly which export it was made from. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits").optional(),
});
export type InventorySourceRef = z.infer<typeof InventorySourceRef>;

/**
 * A price the organisation was quoted instead of the price book's list price, for one product of
 * data/pricebook.json, in the product's own unit (USD per seat and year, etc.).
 */
export const PriceOverride = z.object({
  product: z.string().min(1),
  price: AssumptionValue,
  /** Where the price comes from (a quote's reference); absent: "your own figure". */
  note: z.string().max(500).optional(),
});
export type PriceOverride = z.infer<typeof PriceOverride>;

/** A named, versioned set of every input the models read. */
export const Scenario = z.object({
  schemaVersion: z.literal(SCENARIO_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  /** The date figures are computed for ("today" in the workbook). */
  asOf: PlanningDate,
  /** The programme's id: the name of its files in data/timelines and data/catalogs. */
  programme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected a programme id such as kaspersky (lower-case letters, digits and hyphens)"),
  profile: OrgProfile,
  inventory: z.array(InventorySourceRef),
  assumptions: z.array(Assumption),
  deadlines: z.array(Deadline),
  seed: z.number().int().min(0).max(0xffffffff),
  /** Trials of the one evaluation (plan, loss and cost share each); at most a million (about half a minute on a laptop for the sample organisation). */
  trials: z.number().int().min(1).max(1_000_000),
  /** Size class for the loss defaults; derived from the device count when absent. */
  organisationSize: z.enum(["smb", "midsize", "large"]).optional(),
  /** How the migration is meant to run; the timeline model simulates it. */
  plan: MigrationPlan.optional(),
  /** The replacement option (an id from data/replacement-options.json). */
  option: z.string().min(1),
  /** The memo's own paragraphs, written by the user. */
  narrative: z.array(z.object({ id: z.string().min(1), heading: z.string(), text: z.string() })).default([]),
  /** Quoted prices that replace the price book's, by product id. */
  prices: z.array(PriceOverride).default([]),
  /** Months the cost model covers. */
  horizonMonths: z.number().int().min(1).max(120).optional(),
  /** An annual loss the organisation is willing to bear (USD). */
  riskTolerance: z.number().min(0).optional(),
});
export type Scenario = z.infer<typeof Scenario>;
