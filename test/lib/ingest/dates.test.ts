import { describe, expect, it } from "vitest";
import { parseDate } from "../../../src/lib/ingest/dates.js";

const now = "2026-11-02T09:00:00Z";
const date = (text: string, order?: "us" | "eu") => parseDate(text, { now, order })?.instant ?? null;

describe("parseDate reads the dates inventory exports write", () => {
  it("ISO 8601 with or without time and offset", () => {
    expect(date("2024-09-28")).toBe("2024-09-28T00:00:00Z");
    expect(date("2024-09-28T03:14:00Z")).toBe("2024-09-28T03:14:00Z");
    expect(date("2021-05-11T00:00:00+00:00")).toBe("2021-05-11T00:00:00Z");
    expect(date("2024-09-29T00:00:00-04:00")).toBe("2024-09-29T04:00:00Z");
    expect(date("2020-12-30 11:07:15")).toBe("2020-12-30T11:07:15Z");
  });

  it("US month-first with AM/PM, and European day-first with dots", () => {
    expect(date("9/28/2024 3:14:00 AM")).toBe("2024-09-28T03:14:00Z");
    expect(date("11/2/2026 12:48:58 PM")).toBe("2026-11-02T12:48:58Z");
    expect(date("11/2/2026 12:05:00 AM")).toBe("2026-11-02T00:05:00Z");
    expect(date("28.09.2024 03:15")).toBe("2024-09-28T03:15:00Z");
    expect(date("02/11/2026", "eu")).toBe("2026-11-02T00:00:00Z");
    expect(date("28/09/2024")).toBe("2024-09-28T00:00:00Z"); // day > 12 can only be day-first
  });

  it("registry yyyymmdd, Excel serials and osquery's asctime with its double space", () => {
    expect(date("20240928")).toBe("2024-09-28T00:00:00Z");
    expect(date("45563")).toBe("2024-09-28T00:00:00Z");
    expect(date("45563.5")).toBe("2024-09-28T12:00:00Z");
    expect(date("Mon May  2 10:00:00 2022 UTC")).toBe("2022-05-02T10:00:00Z");
  });

  it("relative text against the export's time", () => {
    expect(date("4 minutes ago")).toBe("2026-11-02T08:56:00Z");
    expect(date("1 hour ago")).toBe("2026-11-02T08:00:00Z");
    expect(date("an hour ago")).toBe("2026-11-02T08:00:00Z");
    expect(date("yesterday")).toBe("2026-11-01T09:00:00Z");
    expect(parseDate("4 minutes ago")).toBeNull(); // no "now", no guess
  });

  it("refuses what is not a date rather than guessing", () => {
    for (const text of ["2024-02-30", "20241301", "13/13/2024", "-3 minutes ago", "soon", "31.02.2024 10:00"]) expect(date(text), text).toBeNull();
    expect(parseDate("")).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });
});
