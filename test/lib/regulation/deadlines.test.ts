import { describe, expect, it } from "vitest";
import { loadPresets, loadTimeline } from "../../../loaders/data/regulation.js";
import { deadlineDays, deadlineInstant, deadlinePassed, deadlinesFor } from "../../../src/lib/regulation/deadlines.js";
import { Deadline } from "../../../src/lib/schema/index.js";

const timeline = await loadTimeline("kaspersky");
const presets = Object.fromEntries((await loadPresets()).map((p) => [p.id, p.profile]));

// The BIS update cutoff as a regulatory deadline: 00:00 EDT (UTC-4) on 29 September 2024.
const cutoff: Deadline = { id: "KAS-2024-09-29-CUTOFF", label: "Update cutoff", date: "2024-09-29", instant: "2024-09-29T00:00:00-04:00", kind: "regulatory", eventId: "KAS-2024-09-29-CUTOFF" };
// An internal deadline, date only: it runs to the end of its day (00:00 UTC on 1 April 2027).
const board: Deadline = { id: "board", label: "Board target", date: "2027-03-31", kind: "internal" };

describe("the Deadline schema", () => {
  it("takes an optional instant with an offset or Z, and refuses one without", () => {
    expect(Deadline.safeParse(cutoff).success).toBe(true);
    expect(Deadline.safeParse({ ...cutoff, instant: "2024-09-29T04:00:00Z" }).success).toBe(true);
    expect(Deadline.safeParse({ ...cutoff, instant: "2024-09-29T04:00:00.000Z" }).success).toBe(true);
    expect(Deadline.safeParse(board).success).toBe(true);
    expect(Deadline.safeParse({ ...cutoff, instant: "2024-09-29T04:00:00" }).success).toBe(false);
    expect(Deadline.safeParse({ ...cutoff, instant: "2024-09-29" }).success).toBe(false);
  });
});

describe("deadlineInstant", () => {
  it("is the instant when one is given, else 00:00 UTC on the day after the date", () => {
    expect(deadlineInstant(cutoff)).toBe("2024-09-29T04:00:00.000Z");
    expect(deadlineInstant(board)).toBe("2027-04-01T00:00:00.000Z");
    expect(deadlineInstant({ date: "2024-02-28" })).toBe("2024-02-29T00:00:00.000Z");
    expect(deadlineInstant({ date: "2024-12-31" })).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("deadlineDays (hand-computed)", () => {
  it("plan start 2024-09-28 (00:00 UTC) to the cutoff at 00:00 EDT 29 Sept (04:00 UTC): 1 day and 4 hours", () => {
    expect(deadlineDays("2024-09-28", cutoff)).toBeCloseTo(1 + 4 / 24, 12);
    expect(deadlineDays("2024-09-28", { ...cutoff, instant: "2024-09-29T04:00:00Z" })).toBeCloseTo(1 + 4 / 24, 12);
  });

  it("plan start 2027-03-01 to an internal deadline dated 2027-03-31: 31 days (30 whole days, then all of the 31st)", () => {
    expect(deadlineDays("2027-03-01", board)).toBe(31);
  });

  it("is negative when the deadline fell before the plan starts, and zero at the plan's first moment", () => {
    expect(deadlineDays("2024-10-01", cutoff)).toBeCloseTo(-(1 + 20 / 24), 12);
    expect(deadlineDays("2027-04-01", board)).toBe(0);
    expect(deadlineDays("2027-04-02", board)).toBe(-1);
  });

  it("a plan meets the deadline iff its last device is migrated at day offset d <= deadlineDays", () => {
    const limit = deadlineDays("2024-09-28", cutoff);
    const meets = (d: number) => d <= limit;
    expect(meets(1)).toBe(true); // the end of 28 Sept, 00:00 UTC on the 29th
    expect(meets(1 + 4 / 24)).toBe(true); // exactly 00:00 EDT
    expect(meets(1.2)).toBe(false); // 04:48 UTC on the 29th, after the cutoff
    expect(meets(2)).toBe(false); // the end of the 29th is a day late
  });

  it("refuses a plan start that is not a calendar date", () => {
    expect(() => deadlineDays("2027-02-30", board)).toThrow(/not a calendar date/);
    expect(() => deadlineDays("2027-03-01", { ...board, instant: "soon" })).toThrow(/not an ISO 8601 instant/);
  });
});

describe("deadlinePassed", () => {
  it("an own deadline runs to the end of its day; the cutoff had not passed at 00:00 UTC on the 29th, but had by the 30th", () => {
    expect(deadlinePassed("2027-03-31", board)).toBe(false);
    expect(deadlinePassed("2027-04-01", board)).toBe(true);
    expect(deadlinePassed("2024-09-28", cutoff)).toBe(false);
    expect(deadlinePassed("2024-09-29", cutoff)).toBe(false);
    expect(deadlinePassed("2024-09-30", cutoff)).toBe(true);
  });
});

describe("deadlines derived from events", () => {
  it("carry the event's instant: the reseller cutoff at 04:00 UTC, §1634 at the start of its day", () => {
    const reseller = deadlinesFor(timeline, presets["us-msp-reseller"]!);
    expect(reseller).toEqual([{ id: "KAS-2024-09-29-CUTOFF", label: expect.any(String), date: "2024-09-29", instant: "2024-09-29T04:00:00.000Z", kind: "regulatory", eventId: "KAS-2024-09-29-CUTOFF" }]);
    expect(deadlineDays("2024-09-28", reseller[0]!)).toBeCloseTo(1 + 4 / 24, 12);
    const agency = deadlinesFor(timeline, presets["federal-agency"]!);
    expect(agency.map((d) => d.instant)).toEqual(["2017-12-12T00:00:00.000Z", "2018-10-01T00:00:00.000Z"]);
    for (const d of agency) expect(Deadline.safeParse(d).success, d.id).toBe(true);
  });
});
