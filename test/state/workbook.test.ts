import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { encodeScenario } from "../../src/lib/scenario/share.js";
import { STORAGE_KEY, Workbook, type Place } from "../../src/state/workbook.js";

const read = (f: string) => parseScenario(JSON.parse(readFileSync(`data/scenarios/${f}`, "utf8")), f);
const bundled = read("sample-organisation.json");
const presets = ["presets/phased-by-criticality.json", "presets/rip-and-replace-now.json"].map(read);
const facts = { bundled, presets };

function place(hash = "", navigation = "navigate", items = new Map<string, string>()): Place & { items: Map<string, string>; current: string; clock: number } {
  const p = {
    items,
    current: hash,
    // Each edit is 10 s after the last unless a test moves the clock itself.
    clock: 0,
    now: () => (p.clock += 10_000),
    storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) },
    hash: () => p.current,
    replaceHash: (h: string) => void (p.current = h),
    navigation: () => navigation,
  };
  return p;
}

describe("the current scenario", () => {
  it("starts from the bundled scenario, and an edit, undo and reset do what they say", () => {
    const wb = new Workbook(facts, place());
    expect(wb.scenario).toEqual(bundled);
    expect(wb.canUndo).toBe(false);
    const edited = { ...bundled, horizonMonths: 48 };
    expect(wb.edit(edited)).toBe(true);
    expect(wb.edit(structuredClone(edited))).toBe(false);
    expect(wb.scenario.horizonMonths).toBe(48);
    expect(wb.undo()).toBe(true);
    expect(wb.scenario).toEqual(bundled);
    wb.edit(edited);
    expect(wb.reset()).toBe(true);
    expect(wb.scenario).toEqual(bundled);
    expect(wb.undo()).toBe(true);
    expect(wb.scenario.horizonMonths).toBe(48);
  });

  it("survives a reload through storage and the URL, and storage never holds inventory file names", () => {
    const p = place();
    const wb = new Workbook(facts, p);
    wb.attachInventory([{ file: "client-tvm.csv", sha256: "a".repeat(64) }]);
    wb.edit({ ...wb.scenario, riskTolerance: 2_000_000 });
    expect(p.items.get(STORAGE_KEY)).not.toContain("client-tvm.csv");
    expect(p.current.startsWith("s=")).toBe(true);
    const again = new Workbook(facts, place(p.current, "reload", p.items));
    expect(again.scenario.riskTolerance).toBe(2_000_000);
    expect(again.scenario.inventory).toEqual([]);
    expect(again.canUndo).toBe(true);
  });

  it("adopts a shared link when it is opened, keeps the previous scenario one Undo away, and ignores an old URL on Back", async () => {
    const items = new Map<string, string>();
    const mine = new Workbook(facts, place("", "navigate", items));
    mine.edit({ ...mine.scenario, horizonMonths: 24 });
    const link = `s=${encodeScenario({ ...presets[1]!, name: "Colleague's plan" })}`;
    const opened = await Workbook.open(facts, place(link, "navigate", items));
    expect(opened.scenario.name).toBe("Colleague's plan");
    expect(opened.arrived).toBe("Colleague's plan");
    expect(opened.base.id).toBe(presets[1]!.id);
    opened.undo();
    expect(opened.scenario.horizonMonths).toBe(24);
    const back = await Workbook.open(facts, place(link, "back_forward", items));
    expect(back.scenario.horizonMonths).toBe(24);
  });

  it("a damaged link or damaged storage never loses the workbook: it says so, or starts from the bundled scenario", async () => {
    const items = new Map([[STORAGE_KEY, "{not json"]]);
    const wb = await Workbook.open(facts, place("s=!!!", "navigate", items));
    expect(wb.scenario).toEqual(bundled);
    expect(wb.linkError).toMatch(/base64url/);
  });

  it("working on another scenario keeps the inventory the pages model", () => {
    const wb = new Workbook(facts, place());
    wb.attachInventory([{ file: "x.csv" }]);
    wb.use(presets[0]!);
    expect(wb.scenario.id).toBe(presets[0]!.id);
    expect(wb.scenario.inventory).toEqual([{ file: "x.csv" }]);
    expect(wb.base.inventory).toEqual([{ file: "x.csv" }]);
  });
});

describe("an edit", () => {
  it("that only reorders keys is no edit (nothing to undo)", () => {
    const wb = new Workbook(facts, place());
    const { name, ...flags } = bundled.profile;
    expect(wb.edit({ ...bundled, profile: { ...flags, name } })).toBe(false);
    expect(wb.canUndo).toBe(false);
  });
});

describe("undo after a reload", () => {
  it("keeps the inventory the pages model (stored history never names files)", () => {
    const p = place();
    const wb = new Workbook(facts, p);
    wb.attachInventory([{ file: "mine.csv" }]);
    wb.edit({ ...wb.scenario, horizonMonths: 24 });
    const again = new Workbook(facts, place(p.current, "reload", p.items));
    again.attachInventory([{ file: "mine.csv" }]);
    again.undo();
    expect(again.scenario.inventory).toEqual([{ file: "mine.csv" }]);
    expect(again.scenario.horizonMonths).toBe(bundled.horizonMonths);
  });
});

describe("your exports replace the sample", async () => {
  const { ownOrganisation, YOUR_ORGANISATION } = await import("../../src/state/open.js");
  it("renames the sample's scenario for yours and drops the sample's contracts; the sample coming back restores them", () => {
    const yours = ownOrganisation(bundled)(bundled);
    expect(yours.profile.name).toBe(YOUR_ORGANISATION);
    expect(yours.id).toBe("your-organisation");
    expect(JSON.stringify(yours)).not.toContain("Halvorsen");
    expect(yours.deadlines.some((d) => d.kind === "contractual")).toBe(false);
    expect(ownOrganisation(bundled, true)(yours)).toEqual({ ...bundled, deadlines: [...bundled.deadlines.filter((d) => d.kind !== "contractual"), ...bundled.deadlines.filter((d) => d.kind === "contractual")] });
  });
  it("leaves a scenario named for another organisation alone", () => {
    const other = { ...bundled, profile: { ...bundled.profile, name: "Northwind" } };
    expect(ownOrganisation(bundled)(other)).toBe(other);
  });
});

describe("a burst of keystrokes", () => {
  it("is one edit for Undo; edits seconds apart are separate", () => {
    const p = place();
    p.now = () => p.clock;
    const wb = new Workbook(facts, p);
    for (const [t, name] of [[0, "N"], [200, "No"], [400, "Nor"], [600, "Nort"]] as const) {
      p.clock = t;
      wb.edit({ ...wb.scenario, profile: { ...wb.scenario.profile, name } });
    }
    p.clock = 10_000;
    wb.edit({ ...wb.scenario, horizonMonths: 24 });
    wb.undo();
    expect(wb.scenario.profile.name).toBe("Nort");
    wb.undo();
    expect(wb.scenario.profile.name).toBe(bundled.profile.name);
    expect(wb.canUndo).toBe(false);
  });
});
