import { z } from "zod";
import { Source } from "./common.js";
import { OsFamily } from "./device.js";

/**
 * The field of an inventory record a rule looks at. `token` is vendor and product as Defender
 * and CPE-style sources write them, joined by a slash: `kaspersky/endpoint_security`.
 */
export const MatchField = z.enum(["name", "publisher", "package", "bundleId", "cpe", "purl", "path", "token"]);
export type MatchField = z.infer<typeof MatchField>;

/** A case-insensitive JavaScript regular expression over one field. */
export const MatchRule = z
  .object({
    field: MatchField,
    pattern: z.string().min(1),
    /**
     * The rule holds only on these operating systems (or where the record does not say): one
     * token or CPE (`endpoint_security`) names a different product on each platform.
     */
    os: z.array(OsFamily).min(1).optional(),
  })
  .superRefine((rule, ctx) => {
    try {
      new RegExp(rule.pattern, "iu");
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: `not a valid regular expression: ${(error as Error).message}` });
    }
  });
export type MatchRule = z.infer<typeof MatchRule>;

export const ProductLine = z.enum(["consumer", "business", "server", "mail", "industrial", "service"]);
export type ProductLine = z.infer<typeof ProductLine>;

/** Whether the US prohibition (BIS Final Determination ICTS-2021-002) covers the product. */
export const Coverage = z.enum(["yes", "no", "unclear"]);
export type Coverage = z.infer<typeof Coverage>;

/**
 * What a product does on a device: protection (anti-malware with signatures or cloud lookups,
 * whose detection decays when frozen), management (agents and consoles), or other.
 */
export const ProductRole = z.enum(["protection", "management", "other"]);
export type ProductRole = z.infer<typeof ProductRole>;

export const CatalogProduct = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by hyphens"),
  name: z.string().min(1),
  vendor: z.string().min(1),
  line: ProductLine,
  platforms: z.array(z.string().min(1)).min(1),
  coveredByUsProhibition: Coverage,
  /** Protection unless stated. */
  role: ProductRole.optional(),
  /** Any rule matching means the product is present; rules are tried in catalog order. */
  match: z.array(MatchRule).min(1),
  /** A catch-all: tried only after every other product's rules have failed. */
  fallback: z.boolean().optional(),
  sources: z.array(Source).min(1),
  note: z.string().optional(),
});
export type CatalogProduct = z.infer<typeof CatalogProduct>;

/**
 * Software that replaces the vendor's: how a device the vendor's products left is seen to have
 * its replacement (tracking the migration). Never counted as the vendor's.
 */
export const ReplacementProduct = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by hyphens"),
  name: z.string().min(1),
  vendor: z.string().min(1),
  match: z.array(MatchRule).min(1),
  /**
   * Words one of which every rule's matches hold (lower case; any part of a word will do): what
   * lets a reader pass over a line holding none (tested by drawing from every rule). Every
   * letter a term starts with slows that search through every line: start with one the vendor's
   * terms already start with (k, s, u, w, d, m) or a rare one (measured on a million Defender
   * rows: adding terms starting e, t and c took it from 118 to 296 ms).
   */
  terms: z.array(z.string().min(3).regex(/^\S+$/, "a term is one word")).min(1),
  sources: z.array(Source).min(1),
});
export type ReplacementProduct = z.infer<typeof ReplacementProduct>;

export const Catalog = z
  .object({
    vendor: z.string().min(1),
    description: z.string(),
    /**
     * The vendor as token-writing sources spell it (`kaspersky`, `kaspersky_lab`). A token vendor
     * that is not one of these (`kaspersky_fans_club`) is a look-alike, and its products never
     * match by vendor.
     */
    vendorTokens: z.array(z.string().regex(/^[a-z0-9][a-z0-9_.\-]*$/, "vendor tokens are lower case, as Defender and NVD write them")).min(1),
    /**
     * Words one of which every product's rules need in a name, publisher, package or path (lower
     * case, or as written where a database lowers only ASCII): what `offramp query` searches for
     * inside Kusto, SQL Server or osquery. A superset: Offramp's own rules decide on what comes back.
     */
    queryTerms: z.array(z.string().min(3).regex(/^[^'"%_\\]+$/, "a term may not hold quotes, % or _, which a query would read as syntax")).min(1),
    products: z.array(CatalogProduct).min(1),
    /** Replacement software seen on migrated devices (optional). */
    replacements: z.array(ReplacementProduct).default([]),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.products.forEach((product, index) => {
      if (seen.has(product.id)) ctx.addIssue({ code: "custom", path: ["products", index, "id"], message: `duplicate product id "${product.id}"` });
      seen.add(product.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;
