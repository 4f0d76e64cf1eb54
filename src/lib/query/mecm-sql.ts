import type { Catalog } from "../schema/index.js";
import { lowerTerms } from "./terms.js";

/** A SQL string literal (Unicode, N'…', as SQL Server needs for Cyrillic). */
const literal = (text: string) => `N'${text.replaceAll("'", "''")}'`;

/**
 * SQL Server, for Configuration Manager's site database: Add/Remove Programs from both views
 * (32- and 64-bit) whose name or publisher holds a catalog term, joined to v_R_System for the
 * NetBIOS name. The result's columns are the views', so its CSV export reads as an MECM
 * Add/Remove Programs report.
 */
export function mecmSqlQuery(catalog: Pick<Catalog, "vendor" | "queryTerms">, name: string): string {
  // SQL Server lowers any script under its usual collations: lower-case terms suffice.
  const terms = lowerTerms(catalog);
  const like = (column: string) => terms.map((t) => `LOWER(${column}) LIKE ${literal(`%${t}%`)}`);
  return [
    `-- Offramp: ${catalog.vendor} software by the "${name}" catalog's terms (a superset; offramp ingest decides).`,
    "-- Run against the Configuration Manager site database; save the result as CSV with headers and give it to offramp ingest.",
    "SELECT sys.ResourceID, sys.Netbios_Name0, arp.DisplayName0, arp.Version0, arp.Publisher0, arp.InstallDate0",
    "FROM (",
    "    SELECT ResourceID, DisplayName0, Version0, Publisher0, InstallDate0 FROM v_GS_ADD_REMOVE_PROGRAMS",
    "    UNION ALL",
    "    SELECT ResourceID, DisplayName0, Version0, Publisher0, InstallDate0 FROM v_GS_ADD_REMOVE_PROGRAMS_64",
    ") AS arp",
    "JOIN v_R_System AS sys ON sys.ResourceID = arp.ResourceID",
    `WHERE ${[...like("arp.DisplayName0"), ...like("arp.Publisher0")].join("\n   OR ")}`,
    "ORDER BY sys.Netbios_Name0, arp.DisplayName0;",
  ].join("\n");
}
