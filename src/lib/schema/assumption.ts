import { z } from "zod";
import { Confidence, Source } from "./common.js";

export const PointValue = z.object({ kind: z.literal("point"), value: z.number() });

export const RangeValue = z
  .object({ kind: z.literal("range"), low: z.number(), likely: z.number(), high: z.number() })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, { message: "expected low <= likely <= high" });

/** A single value, or a low/likely/high range read as a 90% interval around the most likely value. */
export const AssumptionValue = z.discriminatedUnion("kind", [PointValue, RangeValue]);
export type AssumptionValue = z.infer<typeof AssumptionValue>;

/**
 * How a range is drawn: PERT (default) or triangular between low and high around the most
 * likely value, or a lognormal or normal whose 90% interval is low–high.
 */
export const RangeShape = z.enum(["pert", "triangular", "lognormal90", "normal90"]);
export type RangeShape = z.infer<typeof RangeShape>;

export const Assumption = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, "ids are lower-case words joined by _ . or -"),
    label: z.string().min(1),
    unit: z.string().min(1),
    value: AssumptionValue,
    shape: RangeShape.optional(),
    confidence: Confidence,
    /** Empty only when the figure is our own assumption, which `confidence` then says. */
    sources: z.array(Source),
    note: z.string().optional(),
    /** Who vouches for the figure, and when it was last set (for the assumption ledger). */
    owner: z.string().optional(),
    date: z.iso.date().optional(),
  })
  .refine((a) => a.sources.length > 0 || a.confidence === "assumption", {
    path: ["sources"],
    message: 'needs a source, or confidence "assumption"',
  });
export type Assumption = z.infer<typeof Assumption>;

export const AssumptionSet = z.object({ assumptions: z.array(Assumption).min(1) }).superRefine((set, ctx) => {
  const seen = new Set<string>();
  set.assumptions.forEach((a, index) => {
    if (seen.has(a.id)) ctx.addIssue({ code: "custom", path: ["assumptions", index, "id"], message: `duplicate assumption id "${a.id}"` });
    seen.add(a.id);
  });
});
export type AssumptionSet = z.infer<typeof AssumptionSet>;
