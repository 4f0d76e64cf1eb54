import type { Catalog } from "../schema/index.js";

/**
 * The words a query searches for, from the catalog: each as written and in lower case (a
 * database may lower only ASCII, so "Касперск" is kept beside "касперск"), without repeats.
 */
export function queryTerms(catalog: Pick<Catalog, "queryTerms">): string[] {
  return [...new Set(catalog.queryTerms.flatMap((t) => [t.toLowerCase(), t]))];
}

/** Whether a record's text holds one of the terms, case-insensitively: what every query's filter does. */
export function holdsTerm(terms: readonly string[], ...texts: (string | undefined)[]): boolean {
  const lower = texts.filter((t): t is string => !!t).map((t) => t.toLowerCase());
  return terms.some((term) => lower.some((t) => t.includes(term.toLowerCase())));
}
