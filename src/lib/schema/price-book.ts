import { z } from "zod";
import { AssumptionValue } from "./assumption.js";
import { Confidence, IsoDate, Source } from "./common.js";
import { DeviceType, OsFamily } from "./device.js";

/** What a price is counted per. Per-user licences are counted one seat per device (conservative). */
export const PriceUnit = z.enum(["user-year", "device-year", "server-year", "server-month"]);
export type PriceUnit = z.infer<typeof PriceUnit>;

export const PriceBookProduct = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    vendor: z.string().min(1),
    name: z.string().min(1),
    /** Device types it can protect. */
    deviceTypes: z.array(DeviceType).min(1),
    osFamilies: z.array(OsFamily).min(1),
    unit: PriceUnit,
    /** List price per unit in USD; a range where sources disagree or bundles make it zero. */
    price: AssumptionValue,
    minimumSeats: z.number().int().min(0).optional(),
    maximumSeats: z.number().int().min(1).optional(),
    priceDate: IsoDate,
    confidence: Confidence,
    sources: z.array(Source),
    note: z.string().optional(),
  })
  .refine((p) => p.sources.length > 0 || p.confidence === "assumption", { path: ["sources"], message: 'needs a source, or confidence "assumption"' });
export type PriceBookProduct = z.infer<typeof PriceBookProduct>;

export const PriceBook = z
  .object({ currency: z.literal("USD"), products: z.array(PriceBookProduct).min(1) })
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    book.products.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["products", i, "id"], message: `duplicate product id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type PriceBook = z.infer<typeof PriceBook>;

/** Which devices a rule covers: every listed field must match (an absent field matches all). */
export const SegmentMatch = z.object({
  deviceType: z.array(DeviceType).optional(),
  osFamily: z.array(OsFamily).optional(),
  businessUnit: z.array(z.string()).optional(),
});
export type SegmentMatch = z.infer<typeof SegmentMatch>;

/** A replacement option: for each segment, the product that replaces Kaspersky ("keep" leaves it frozen). */
export const ReplacementOption = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string(),
  /** First matching rule wins; devices no rule matches keep Kaspersky. */
  rules: z.array(z.object({ match: SegmentMatch, product: z.string().min(1) })),
});
export type ReplacementOption = z.infer<typeof ReplacementOption>;

export const ReplacementOptions = z.object({ options: z.array(ReplacementOption).min(1) });
