// Child process for the ingest benchmark, plain JavaScript so it starts as DuckDB's own users
// start it: DuckDB reads the CSV and counts the rows the catalog's name and publisher rules match.
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2];
const catalog = JSON.parse(readFileSync(new URL("../data/catalogs/kaspersky.json", import.meta.url), "utf8"));
const rules = catalog.products.flatMap((p) => p.match);
const names = rules.filter((r) => r.field === "name").map((r) => `(?:${r.pattern})`).join("|");
const publishers = rules.filter((r) => r.field === "publisher").map((r) => `(?:${r.pattern})`).join("|");
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const start = performance.now();
const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
const connection = await instance.connect();
// The same spelling ingestion applies: Defender's tokens become words ("kaspersky endpoint security for windows").
const sql = `SELECT count(*) AS n FROM read_csv(${quote(file)}, header = true, all_varchar = true)
  WHERE regexp_matches(replace(CASE WHEN starts_with(SoftwareName, replace(SoftwareVendor, '_lab', '')) THEN SoftwareName ELSE replace(SoftwareVendor, '_lab', '') || ' ' || SoftwareName END, '_', ' '), ${quote(names)}, 'i')
     OR regexp_matches(SoftwareVendor, ${quote(publishers)}, 'i')`;
const result = await connection.runAndReadAll(sql);
const n = Number(result.getRows()[0][0]);
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, kasperskyRows: n }));
