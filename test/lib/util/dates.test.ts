import { describe, expect, it } from "vitest";
import { asOfDay } from "../../../src/lib/util/as-of.js";
import { daysBetween, isoDay, utcMidnight } from "../../../src/lib/util/dates.js";

describe("daysBetween", () => {
  it("counts whole calendar days, across a leap day and backwards", () => {
    expect(daysBetween("2024-09-29", "2024-09-29")).toBe(0);
    expect(daysBetween("2024-09-29", "2025-09-29")).toBe(365);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2); // 2024 is a leap year
    expect(daysBetween("2024-09-29", "2026-11-25")).toBe(787); // 365 + 365 + 30 + 27
    expect(daysBetween("2024-09-29", "2024-07-20")).toBe(-71);
  });

  it("rejects dates that do not exist", () => {
    expect(() => daysBetween("2025-02-29", "2025-03-01")).toThrow(/not a calendar date/);
    expect(() => utcMidnight("29/09/2024")).toThrow(RangeError);
  });
});

describe("isoDay and asOfDay", () => {
  it("read a date input's value as its calendar day, and default to today's local date", () => {
    expect(isoDay(Date.UTC(2024, 8, 29, 3, 59))).toBe("2024-09-29");
    expect(asOfDay(new Date("2025-01-31T00:00:00Z"))).toBe("2025-01-31");
    expect(asOfDay(null, new Date(2026, 10, 25, 23, 30))).toBe("2026-11-25");
  });
});
