import type { PriceBook, PriceOverride } from "../schema/index.js";

/** The price book with a scenario's quoted prices in place of list prices. */
export interface PricedBook {
  book: PriceBook;
  /** Overrides applied, by product id. */
  applied: string[];
  /** Overrides naming a product the price book does not have (ignored, and reported). */
  unknown: string[];
}

/**
 * The one place a scenario's price overrides meet the price book: every evaluation prices with
 * the result. A product keeps its list price unless the scenario quotes one; an override for a
 * product the book does not list changes nothing and is reported, never fatal.
 */
export function pricedBook(book: PriceBook, overrides: readonly PriceOverride[]): PricedBook {
  const quoted = new Map(overrides.map((o) => [o.product, o]));
  const known = new Set(book.products.map((p) => p.id));
  return {
    book: {
      ...book,
      products: book.products.map((p) => {
        const o = quoted.get(p.id);
        return o ? { ...p, price: o.price, note: o.note ?? "Your own figure (a quote), replacing the list price." } : p;
      }),
    },
    applied: overrides.filter((o) => known.has(o.product)).map((o) => o.product),
    unknown: overrides.filter((o) => !known.has(o.product)).map((o) => o.product),
  };
}
