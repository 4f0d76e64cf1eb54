/**
 * `offramp query` (issue 16): the catalog's search run inside the engine that holds the
 * inventory. The SQL variants run in DuckDB over tables shaped like the real ones and must find
 * the same devices and products as Offramp's own matcher reading the whole tables; the Kusto is
 * checked by Microsoft's Kusto parser against the Advanced Hunting tables' columns.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DuckDBInstance } from "@duckdb/node-api";
import { csvFormat } from "d3";
import { describe, expect, it } from "vitest";
import { combine } from "../../../src/lib/ingest/combine.js";
import { catalogQuery } from "../../../src/lib/query/index.js";
import { queryTerms } from "../../../src/lib/query/terms.js";
import { Catalog } from "../../../src/lib/schema/index.js";
import { readInput, readInputAsync } from "../../support/ingest.js";

const catalog = Catalog.parse(JSON.parse(readFileSync("data/catalogs/kaspersky.json", "utf8")));
const terms = queryTerms(catalog);

/** Whether a record's text holds one of the terms, case-insensitively: what every query's filter does. */
function holdsTerm(terms: readonly string[], ...texts: (string | undefined)[]): boolean {
  const lower = texts.filter((t): t is string => !!t).map((t) => t.toLowerCase());
  return terms.some((term) => lower.some((t) => t.includes(term.toLowerCase())));
}

describe("the catalog's query terms", () => {
  it("are a superset: every product matched in every fixture and sample export holds a term in one of its fields", async () => {
    const files = [
      ...readdirSync("test/fixtures/ingest").filter((f) => /\.(csv|jsonl?|xlsx)$/.test(f)).map((f) => `test/fixtures/ingest/${f}`),
      ...readdirSync("data/sample/exports").map((f) => `data/sample/exports/${f}`),
    ];
    let matched = 0;
    for (const file of files) {
      for (const m of (await readInputAsync(readFileSync(file), { file })).software) {
        const o = m.observation;
        matched++;
        expect(holdsTerm(terms, o.name, o.publisher, o.vendor, o.package, o.purl, o.cpe, o.bundleId, o.path), `${file}: ${o.name} (${m.product.id})`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

/** Runs SQL in a fresh in-memory DuckDB and returns the rows as objects. */
async function duck(setup: string[], sql: string): Promise<Record<string, string>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const statement of setup) await connection.run(statement);
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)])));
}

const value = (v: string) => `'${v.replaceAll("'", "''")}'`;
const insert = (table: string, rows: readonly (readonly string[])[]) => `INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(value).join(", ")})`).join(", ")}`;
/** Devices and the catalog products found on them, as "host product" lines, from rows read as an export. */
const found = (csv: string, file: string) =>
  combine([readInput(csv, { file })], "2026-11-01T00:00:00Z")
    .installs.map((i) => `${i.deviceId} ${i.catalogId}`)
    .sort();

describe("the MECM query, run in DuckDB over Configuration Manager's views", () => {
  // ResourceID, DisplayName0, Version0, Publisher0, InstallDate0
  const arp32 = [
    ["1", "Kaspersky Endpoint Security for Windows", "11.11.0.452", "AO Kaspersky Lab", "20230412"],
    ["1", "Google Chrome", "130.0", "Google LLC", "20240101"],
    ["2", "Kaspersky Security Center Network Agent", "14.0.0.10902", "AO Kaspersky Lab", "20230412"],
    ["3", "Kaspersky Endpoint Security для Windows", "12.1", "АО Лаборатория Касперского", "20240202"],
    ["4", "Kaspr Wallpaper", "1.0", "Fans Club", "20240303"],
    ["5", "Microsoft Edge", "130.0", "Microsoft Corporation", "20240101"],
  ];
  const arp64 = [
    ["2", "Kaspersky Security Center Network Agent", "14.0.0.10902", "AO Kaspersky Lab", "20230412"],
    ["6", "Kaspersky Security 11 for Windows Server", "11.0.1", "AO Kaspersky Lab", "20220505"],
    ["7", "Kaspersky Anti-Virus SDK", "8.9", "AO Kaspersky Lab", ""],
  ];
  const system = [["1", "FIN-WS-0101"], ["2", "FIN-WS-0102"], ["3", "MSK-WS-0001"], ["4", "FIN-WS-0104"], ["5", "FIN-WS-0105"], ["6", "NYC-SRV-0006"], ["7", "NYC-SRV-0007"]];
  const columns = "ResourceID VARCHAR, DisplayName0 VARCHAR, Version0 VARCHAR, Publisher0 VARCHAR, InstallDate0 VARCHAR";
  const setup = [
    `CREATE TABLE v_GS_ADD_REMOVE_PROGRAMS (${columns})`,
    `CREATE TABLE v_GS_ADD_REMOVE_PROGRAMS_64 (${columns})`,
    "CREATE TABLE v_R_System (ResourceID VARCHAR, Netbios_Name0 VARCHAR)",
    insert("v_GS_ADD_REMOVE_PROGRAMS", arp32),
    insert("v_GS_ADD_REMOVE_PROGRAMS_64", arp64),
    insert("v_R_System", system),
  ];

  it("finds exactly the devices and products Offramp finds reading every row", async () => {
    // DuckDB reads SQL Server's N'…' literals without the N.
    const sql = catalogQuery("mecm-sql", catalog, "kaspersky").replaceAll("N'", "'");
    const result = await duck(setup, sql);
    expect(result.length).toBeLessThan(arp32.length + arp64.length);
    const everything = await duck(setup, "SELECT sys.ResourceID, sys.Netbios_Name0, arp.DisplayName0, arp.Version0, arp.Publisher0, arp.InstallDate0 FROM (SELECT * FROM v_GS_ADD_REMOVE_PROGRAMS UNION ALL SELECT * FROM v_GS_ADD_REMOVE_PROGRAMS_64) arp JOIN v_R_System sys ON sys.ResourceID = arp.ResourceID");
    const viaQuery = found(csvFormat(result), "query.csv");
    expect(viaQuery).toEqual(found(csvFormat(everything), "all.csv"));
    expect(viaQuery.join("\n")).toMatch(/kes-windows[\s\S]*network-agent/);
    // The Cyrillic install is found by its lower-cased term.
    expect(result.some((r) => r.Netbios_Name0 === "MSK-WS-0001")).toBe(true);
  });
});

describe("the osquery query, run in DuckDB over osquery's tables", () => {
  const setup = [
    "CREATE TABLE system_info (hostname VARCHAR)",
    "CREATE TABLE programs (name VARCHAR, version VARCHAR, publisher VARCHAR, install_location VARCHAR)",
    "CREATE TABLE deb_packages (name VARCHAR, version VARCHAR, maintainer VARCHAR)",
    "CREATE TABLE rpm_packages (name VARCHAR, version VARCHAR, vendor VARCHAR)",
    "CREATE TABLE apps (name VARCHAR, bundle_identifier VARCHAR, bundle_short_version VARCHAR, path VARCHAR)",
    insert("system_info", [["lab-host-01"]]),
    insert("programs", [
      ["Kaspersky Endpoint Security for Windows", "12.1", "AO Kaspersky Lab", "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.1\\"],
      ["7-Zip 23.01", "23.01", "Igor Pavlov", ""],
      ["Kaspersky Security Center Network Agent", "14.2", "Лаборатория Касперского", ""],
    ]),
    insert("deb_packages", [
      ["kesl", "11.4.0-1234", "AO Kaspersky Lab <support@kaspersky.com>"],
      ["klnagent64", "14.2.0-35148", "Kaspersky"],
      ["openssl", "3.0.2", "Ubuntu Developers"],
    ]),
    insert("rpm_packages", [["kav4fs", "8.0", "Kaspersky Lab"], ["bash", "5.1", "Red Hat"]]),
    insert("apps", [["Kaspersky Endpoint Security for Mac.app", "com.kaspersky.kes.mac", "11.3", "/Applications/Kaspersky Endpoint Security for Mac.app"], ["Safari.app", "com.apple.Safari", "17", "/Applications/Safari.app"]]),
  ];

  it("finds exactly the products Offramp finds reading every row of every table", async () => {
    const result = await duck(setup, catalogQuery("osquery", catalog, "kaspersky"));
    expect(result.map((r) => r.software)).not.toContain("7-Zip 23.01");
    const everything = await duck(
      setup,
      "SELECT (SELECT hostname FROM system_info) AS hostname, name AS software, publisher, version, install_location AS path FROM programs UNION ALL SELECT (SELECT hostname FROM system_info), name, maintainer, version, '' FROM deb_packages UNION ALL SELECT (SELECT hostname FROM system_info), name, vendor, version, '' FROM rpm_packages UNION ALL SELECT (SELECT hostname FROM system_info), name, bundle_identifier, bundle_short_version, path FROM apps",
    );
    const viaQuery = found(csvFormat(result), "osquery.csv");
    expect(viaQuery).toEqual(found(csvFormat(everything), "all.csv"));
    expect(viaQuery.map((l) => l.split(" ")[1])).toEqual(expect.arrayContaining(["kes-windows", "kes-linux", "network-agent", "kav-linux-server"]));
  });
});

describe("the Kusto query for Defender Advanced Hunting and Sentinel", () => {
  const require = createRequire(import.meta.url);
  require("@kusto/language-service-next/bridge.min.js");
  require("@kusto/language-service-next/Kusto.Language.Bridge.min.js");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const K = (globalThis as any).Kusto.Language;
  const tables = [
    K.Symbols.TableSymbol.From("(Timestamp:datetime, DeviceId:string, DeviceName:string, MachineGroup:string, OSPlatform:string, DeviceCategory:string)").WithName("DeviceInfo"),
    K.Symbols.TableSymbol.From("(DeviceId:string, DeviceName:string, OSPlatform:string, OSVersion:string, OSArchitecture:string, SoftwareVendor:string, SoftwareName:string, SoftwareVersion:string, EndOfSupportStatus:string, EndOfSupportDate:datetime, ProductCodeCpe:string)").WithName("DeviceTvmSoftwareInventory"),
  ];
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1("hunting", tables));
  /** Errors Microsoft's Kusto parser finds, with the tables' real columns known. */
  const diagnostics = (query: string): string[] => {
    const found = K.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
    return Array.from({ length: found.Count }, (_, i) => `${found.getItem(i).Message} at ${found.getItem(i).Start}`);
  };
  const kql = catalogQuery("kql", catalog, "kaspersky");

  it("parses and binds against DeviceTvmSoftwareInventory and DeviceInfo with no error", () => {
    expect(diagnostics(kql)).toEqual([]);
    // The check can fail: a misspelt column is an error.
    expect(diagnostics(kql.replace("SoftwareVendor", "SoftwareVendr")).join("\n")).toMatch(/SoftwareVendr/);
  });

  it("is the query we reviewed (snapshot), and its result reads as a Defender software inventory", () => {
    expect(kql).toMatchSnapshot();
    const header = [...kql.matchAll(/^\| project (.+)$/gm)].at(-1)![1]!.split(", ");
    const csv = `${header.join(",")}\nd1,fin-ws-1.corp.example,Windows11,10.0,x64,kaspersky,endpoint_security,12.1,,Not available,Finance\n`;
    const result = readInput(csv, { file: "hunting.csv" });
    expect(result.report.format).toBe("defender-tvm");
    expect(result.software.map((m) => m.product.id)).toEqual(["kes-windows"]);
  });
});
