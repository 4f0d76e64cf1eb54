import { describe, expect, it } from "vitest";
import { describeValue } from "../../../src/lib/scenario/diff.js";

describe("describeValue", () => {
  it("says a changed value in words, never as raw JSON", () => {
    expect(describeValue(undefined)).toBe("(absent)");
    expect(describeValue("mixed-by-segment")).toBe('"mixed-by-segment"');
    expect(describeValue(0.36)).toBe("0.36");
    expect(describeValue(["US", "DE"])).toBe('["US", "DE"]');
    expect(describeValue([{ id: "a" }, { id: "b" }])).toBe("2 items");
    expect(describeValue({ id: "s_share", label: "Share of loss events", value: { kind: "point", value: 1 } })).toBe('"Share of loss events"');
    expect(describeValue({ low: 1, likely: 2, high: 3 })).toBe("3 fields");
  });
});
