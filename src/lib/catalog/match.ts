import type { Catalog, CatalogProduct, MatchField } from "../schema/index.js";

/** What an inventory record says about a piece of software; any field may be missing. */
export type SoftwareFields = Partial<Record<MatchField, string>>;

export interface CompiledCatalog {
  catalog: Catalog;
  /** The first product whose rules match, in catalog order, or null. */
  match(fields: SoftwareFields): CatalogProduct | null;
  byId(id: string): CatalogProduct | undefined;
}

export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const compiled = catalog.products.map((product) => ({
    product,
    rules: product.match.map((rule) => ({ field: rule.field, regex: new RegExp(rule.pattern, "iu") })),
  }));
  const ids = new Map(catalog.products.map((p) => [p.id, p]));
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
      for (const { product, rules } of compiled) {
        for (const { field, regex } of rules) {
          const value = cleaned.get(field);
          if (value !== undefined && regex.test(value)) return product;
        }
      }
      return null;
    },
    byId: (id) => ids.get(id),
  };
}
