import type { Catalog } from "../schema/index.js";
import { kqlQuery } from "./kql.js";
import { mecmSqlQuery } from "./mecm-sql.js";
import { osqueryQuery } from "./osquery-sql.js";

/** Where a query runs: the engine that already holds the inventory. */
export const QUERY_TARGETS = {
  kql: { label: "Kusto (Defender Advanced Hunting, Sentinel)", query: kqlQuery },
  "mecm-sql": { label: "SQL Server (Configuration Manager site database)", query: mecmSqlQuery },
  osquery: { label: "osquery SQL", query: osqueryQuery },
} as const;

export type QueryTarget = keyof typeof QUERY_TARGETS;

export const isQueryTarget = (text: string): text is QueryTarget => Object.hasOwn(QUERY_TARGETS, text);

/** The query for `target` from the catalog's terms. */
export function catalogQuery(target: QueryTarget, catalog: Pick<Catalog, "vendor" | "queryTerms">, name: string): string {
  return QUERY_TARGETS[target].query(catalog, name);
}
