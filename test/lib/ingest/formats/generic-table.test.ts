import { describe, expect, it } from "vitest";
import { readInput } from "../../../support/ingest.js";

describe("generic tables", () => {
  const tsv = ["Computer\tDept\tOffice\tCountry\tProduct\tProduct version\tInstalled", "pc-01\tFinance\tBoston\tUS\tKaspersky Endpoint Security for Windows\t12.1.0.506\t03/15/2023", "pc-02\tFinance\tBoston\tUSA\tChrome\t1\t03/15/2023", "\tFinance\tBoston\tUS\tChrome\t1\t"].join("\n");

  it("reads a TSV through a declared column mapping and names the bad rows' columns", () => {
    const mapping = { hostname: "Computer", businessUnit: "Dept", site: "Office", country: "Country", software: "Product", version: "Product version", installDate: "Installed" };
    const { report, devices, software } = readInput(tsv, { file: "assets.tsv", mapping });
    expect(report).toMatchObject({ format: "generic-table", delimiter: "\t", rows: 3, accepted: 1, rejected: 2 });
    expect(report.errors).toEqual([
      { line: 3, column: "Country", message: '"USA" is not a two-letter country code' },
      { line: 4, column: "Computer", message: "no device name" },
    ]);
    expect(devices[0]).toMatchObject({ names: ["pc-01"], businessUnit: "Finance", site: "Boston", country: "US" });
    expect(software.map((s) => [s.product.id, s.observation.version, s.observation.installDate])).toEqual([["kes-windows", "12.1.0.506", "2023-03-15"]]);
  });

  it("refuses a mapping that names a column the file lacks, saying which headers it has", () => {
    const { report } = readInput(tsv, { file: "assets.tsv", mapping: { hostname: "Host" } });
    expect(report.fatal).toMatch(/the mapping names column "Host" for hostname, but the headers are: Computer, Dept/);
  });

  it("recognises common asset-register headers without a mapping", () => {
    const csv = "Asset Name,Business Unit,Location,Country,Tier,Internet Facing,Data Classification\nSRV-01,Logistics,Dallas,US,Tier 1,Y,Restricted\n";
    const { report, devices } = readInput(csv, { file: "cmdb.csv" });
    expect(report.format).toBe("generic-table");
    expect(devices[0]).toMatchObject({ businessUnit: "Logistics", criticality: 1, internetFacing: true, dataSensitivity: "restricted" });
  });

  it("says plainly when a table has no device column at all", () => {
    const { report } = readInput("Colour,Size\nred,3\n", { file: "other.csv" });
    expect(report.fatal).toMatch(/no known format has these headers: Colour, Size/);
  });
});
