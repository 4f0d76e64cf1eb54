import type { Catalog, CatalogProduct, MatchField, OsFamily, ReplacementProduct } from "../schema/index.js";

/** What an inventory record says about a piece of software; any field may be missing. `os`: the device's, where known. */
export type SoftwareFields = Partial<Record<MatchField, string>> & { os?: OsFamily };

export interface CompiledCatalog {
  catalog: Catalog;
  /**
   * The product the record is. Rules are tried in three passes, each in catalog order: rules that
   * name one product exactly (display names, packages, purls, bundle ids, paths), then CPEs and
   * vendor/product tokens (which several platforms share, told apart by `os`), then catch-alls.
   */
  match(fields: SoftwareFields): CatalogProduct | null;
  byId(id: string): CatalogProduct | undefined;
  /** Whether a token vendor (`kaspersky_lab`) is the catalog's vendor, not a look-alike. */
  isVendorToken(vendor: string): boolean;
  /**
   * Finds any word of the catalog's query terms and its replacements' terms, with the rules'
   * flags (`iu`): a record whose text holds none of them matches no rule (a property tested for
   * every rule), so it can be passed over.
   */
  anyTerm: RegExp;
  /** The replacement software the record is (a device that left the vendor), if any. */
  replacement(fields: SoftwareFields): ReplacementProduct | null;
}

/** Fields whose rules are tried after the exact ones: one value can stand for several products. */
const SHARED: ReadonlySet<MatchField> = new Set(["cpe", "token"]);

interface CompiledRule {
  product: CatalogProduct;
  field: MatchField;
  regex: RegExp;
  os: readonly OsFamily[] | undefined;
}

export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const rule = (product: CatalogProduct) => (r: CatalogProduct["match"][number]): CompiledRule => ({ product, field: r.field, regex: new RegExp(r.pattern, "iu"), os: r.os });
  const main = catalog.products.filter((p) => !p.fallback);
  const passes: CompiledRule[][] = [
    main.flatMap((p) => p.match.filter((r) => !SHARED.has(r.field)).map(rule(p))),
    main.flatMap((p) => p.match.filter((r) => SHARED.has(r.field)).map(rule(p))),
    catalog.products.filter((p) => p.fallback).flatMap((p) => p.match.map(rule(p))),
  ];
  const ids = new Map(catalog.products.map((p) => [p.id, p]));
  const replacementRules = (catalog.replacements ?? []).flatMap((product) => product.match.map((r) => ({ product, field: r.field, regex: new RegExp(r.pattern, "iu") })));
  const vendors = new Set(catalog.vendorTokens);
  // One alternation per field: most inventory rows match nothing, and one test rules them out.
  const screens = new Map<MatchField, RegExp>();
  for (const field of new Set(catalog.products.flatMap((p) => p.match.map((r) => r.field)))) {
    const patterns = catalog.products.flatMap((p) => p.match.filter((r) => r.field === field).map((r) => `(?:${r.pattern})`));
    screens.set(field, new RegExp(patterns.join("|"), "iu"));
  }
  /** A field as the rules see it: control characters (a NUL inside a name) and invisible marks read as spaces, runs of spaces as one. */
  const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]+/gu;
  const DIRTY = new RegExp(`${INVISIBLE.source}|\\s\\s`, "u");
  const clean = (value: string) => (DIRTY.test(value) ? value.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim() : value.trim());
  return {
    catalog,
    match(fields) {
      // Each field cleaned once per record, then screened and matched.
      const cleaned = new Map<MatchField, string>();
      for (const field of screens.keys()) {
        const value = fields[field];
        if (value !== undefined && value !== "") cleaned.set(field, clean(value));
      }
      let screened = false;
      for (const [field, regex] of screens) if (cleaned.has(field) && regex.test(cleaned.get(field)!)) screened = true;
      if (!screened) return null;
      for (const pass of passes) {
        for (const { product, field, regex, os } of pass) {
          const value = cleaned.get(field);
          if (value !== undefined && (!os || !fields.os || os.includes(fields.os)) && regex.test(value)) return product;
        }
      }
      return null;
    },
    byId: (id) => ids.get(id),
    anyTerm: termScreen(catalog),
    replacement(fields) {
      for (const { product, field, regex } of replacementRules) {
        const value = fields[field];
        if (value !== undefined && value !== "" && regex.test(clean(value))) return product;
      }
      return null;
    },
    isVendorToken: (vendor) => vendors.has(vendor.trim().toLowerCase()),
  };
}

/**
 * One word of each query term ("kav sdk" gives "kav"): readers join a vendor and a name with a
 * space and spell underscores as spaces, so a term's words can meet only in text built from
 * several fields, while each word stays whole in the field it came from.
 */
export function termScreen(catalog: Pick<Catalog, "queryTerms"> & { replacements?: Pick<ReplacementProduct, "terms">[] }): RegExp {
  const terms = [...catalog.queryTerms, ...(catalog.replacements ?? []).flatMap((r) => r.terms)];
  const words = terms.map((term) => term.split(/[\s_]+/).filter(Boolean).sort((a, b) => b.length - a.length)[0]!);
  const escaped = [...new Set(words)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "iu");
}
