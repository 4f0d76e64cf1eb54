import { csvParseRows } from "d3";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv } from "../../../src/lib/export/csv.js";

describe("CSV exports", () => {
  it("neutralise every value a spreadsheet would run as a formula", () => {
    for (const payload of ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralise(payload)).toBe(`'${payload}`);
    expect(neutralise("host-1")).toBe("host-1");
    expect(neutralise(-5)).toBe("-5");
    expect(neutralise(null)).toBe("");
  });

  it("quote what needs quoting and read back to the same (neutralised) cells", () => {
    const rows = [{ host: "=HYPERLINK(\"http://x\")", unit: 'a, "quoted"\nunit', n: 3 }];
    const text = toCsv(rows, ["host", "unit", "n"]);
    expect(csvParseRows(text)).toEqual([["host", "unit", "n"], ["'=HYPERLINK(\"http://x\")", 'a, "quoted"\nunit', "3"], []].filter((r) => r.length));
  });
});
