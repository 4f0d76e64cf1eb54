import type { Catalog } from "../schema/index.js";
import { queryTerms } from "./terms.js";

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * osquery's SQL (SQLite): programs (Windows), deb and rpm packages (Linux) and apps (macOS)
 * whose name, publisher, vendor or bundle id holds a catalog term, with the host's name. Its
 * columns (hostname, software, publisher, version, path) read as a generic table.
 */
export function osqueryQuery(catalog: Pick<Catalog, "vendor" | "queryTerms">, name: string): string {
  const terms = queryTerms(catalog);
  const where = (...columns: string[]) => columns.flatMap((c) => terms.map((t) => `lower(${c}) LIKE ${literal(`%${t}%`)}`)).join(" OR ");
  const host = "(SELECT hostname FROM system_info)";
  return [
    `-- Offramp: ${catalog.vendor} software by the "${name}" catalog's terms (a superset; offramp ingest decides).`,
    "-- Run with osqueryi --csv (or as a scheduled query); give the result to offramp ingest.",
    `SELECT ${host} AS hostname, name AS software, publisher, version, install_location AS path FROM programs WHERE ${where("name", "publisher")}`,
    "UNION ALL",
    `SELECT ${host} AS hostname, name AS software, maintainer AS publisher, version, '' AS path FROM deb_packages WHERE ${where("name", "maintainer")}`,
    "UNION ALL",
    `SELECT ${host} AS hostname, name AS software, vendor AS publisher, version, '' AS path FROM rpm_packages WHERE ${where("name", "vendor")}`,
    "UNION ALL",
    `SELECT ${host} AS hostname, name AS software, bundle_identifier AS publisher, bundle_short_version AS version, path FROM apps WHERE ${where("name", "bundle_identifier", "path")};`,
  ].join("\n");
}
