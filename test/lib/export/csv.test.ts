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

describe("formulas behind other forms and invisible prefixes", async () => {
  const { neutralise } = await import("../../../src/lib/export/csv.js");
  const { terminalSafe } = await import("../../../src/lib/export/terminal.js");
  it.each(["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫x", "−1+1", "\u200b=1+1", "\ufeff=HYPERLINK(\"x\")", "\u202e=1", " =1", "\u00a0@x", "\u0000=1"])("%j gets an apostrophe", (value) => {
    expect(neutralise(value)).toBe(`'${value}`);
  });
  it.each(["Finance", "1-2-3 Main St", "a=b", "x@example.com", "Kaspersky Endpoint Security"])("%j stays as it is", (value) => {
    expect(neutralise(value)).toBe(value);
  });
  it("shows a terminal's control characters instead of running them", () => {
    expect(terminalSafe("host\u001b[2J\u001b]0;pwned\u0007 \u202eevil")).toBe("host\\u001b[2J\\u001b]0;pwned\\u0007 \\u202eevil");
    // JSON stays valid and reads back the same text.
    const json = JSON.stringify({ name: "a\u202eb" });
    expect(JSON.parse(terminalSafe(json))).toEqual({ name: "a\u202eb" });
    expect(terminalSafe("a\tb\nc")).toBe("a\tb\nc");
  });
});
