import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planAndPriceRows } from "../../../src/lib/memo/inputs.js";
import { parseScenario } from "../../../src/lib/scenario/parse.js";
import { PriceBook } from "../../../src/lib/schema/index.js";

const book = PriceBook.parse(JSON.parse(readFileSync("data/pricebook.json", "utf8")));
const preset = parseScenario(JSON.parse(readFileSync("data/scenarios/presets/phased-by-criticality.json", "utf8")), "preset");

describe("the memo's ledger carries every edit a page can make", () => {
  it("lists a quoted price, marked changed, and the plan's estimates with their values", () => {
    const rows = planAndPriceRows({ ...preset, prices: [{ product: "mde-p2", price: { kind: "point", value: 41 } }, { product: "nope", price: { kind: "point", value: 1 } }] }, book);
    const price = rows.find((r) => r.id === "price.mde-p2")!;
    expect(price).toMatchObject({ value: { kind: "point", value: 41 }, changed: true });
    expect(price.label).toMatch(/^Price of Microsoft .*quoted/);
    expect(rows.some((r) => r.id === "price.nope")).toBe(false);
    expect(rows.find((r) => r.id === "plan.capacityperweek")!.value).toEqual({ kind: "range", ...preset.plan!.capacityPerWeek });
  });
  it("a scenario without a plan or quotes adds nothing", () => {
    const { plan: _p, ...rest } = preset;
    expect(planAndPriceRows({ ...rest, prices: [] } as typeof preset, book)).toEqual([]);
  });
});
