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
  return {
    catalog,
    match(fields) {
      for (const { product, rules } of compiled) {
        for (const { field, regex } of rules) {
          const value = fields[field];
          if (value !== undefined && value !== "" && regex.test(value.trim())) return product;
        }
      }
      return null;
    },
    byId: (id) => ids.get(id),
  };
}
