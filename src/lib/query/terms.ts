import type { Catalog } from "../schema/index.js";

/**
 * The words a query searches for, from the catalog: each as written and in lower case (a
 * database may lower only ASCII, so "Касперск" is kept beside "касперск"), without repeats.
 */
export function queryTerms(catalog: Pick<Catalog, "queryTerms">): string[] {
  return [...new Set(catalog.queryTerms.flatMap((t) => [t.toLowerCase(), t]))];
}

/** The terms in lower case only, for engines that lower any script (Kusto, SQL Server). */
export function lowerTerms(catalog: Pick<Catalog, "queryTerms">): string[] {
  return [...new Set(catalog.queryTerms.map((t) => t.toLowerCase()))];
}
