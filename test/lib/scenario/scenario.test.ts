import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Evaluation } from "../../../src/lib/model/evaluate.js";
import { beats, decide } from "../../../src/lib/scenario/compare.js";
import { diff } from "../../../src/lib/scenario/diff.js";
import { parseScenario } from "../../../src/lib/scenario/parse.js";
import { asTemplate, decodeScenario, encodeScenario } from "../../../src/lib/scenario/share.js";
import { ValidationError, type Scenario } from "../../../src/lib/schema/index.js";

const preset = parseScenario(JSON.parse(readFileSync("data/scenarios/presets/phased-by-criticality.json", "utf8")), "preset");

describe("parseScenario", () => {
  it("migrates a version-1 file forward, giving it the default option, without changing the input", () => {
    const { option: _option, narrative: _narrative, ...rest } = preset;
    const v1 = { ...rest, schemaVersion: 1 };
    const copy = structuredClone(v1);
    const parsed = parseScenario(v1, "old.json");
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.option).toBe("defender-everywhere");
    expect(parsed.narrative).toEqual([]);
    expect(v1).toEqual(copy);
  });

  it("refuses a file from a newer Offramp and names every bad field", () => {
    expect(() => parseScenario({ ...preset, schemaVersion: 9 }, "new.json")).toThrow(/version 9 was written by a newer Offramp/);
    try {
      parseScenario({ ...preset, seed: -4, trials: "many", profile: { ...preset.profile, countries: ["USA"] } }, "bad.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const text = (error as ValidationError).issues.join("\n");
      expect(text).toMatch(/^seed:/m);
      expect(text).toMatch(/^trials:/m);
      expect(text).toMatch(/^profile\.countries\[0\]:/m);
      expect((error as Error).message).toContain("bad.json is not valid");
    }
  });
});

// Scenarios varied where users edit them: names, seeds, trials, deadlines, assumption ranges, plan capacity.
const scenarios = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 40 }),
    description: fc.string({ maxLength: 200 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    trials: fc.integer({ min: 1, max: 10_000_000 }),
    tolerance: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
    low: fc.double({ min: 0, max: 10, noNaN: true }),
    spread: fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })),
    capacity: fc.integer({ min: 1, max: 5000 }),
    deadline: fc.date({ min: new Date("2025-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
    note: fc.string({ maxLength: 50 }),
  })
  .map(({ name, description, seed, trials, tolerance, low, spread, capacity, deadline, note }): Scenario => ({
    ...preset,
    name,
    description,
    seed,
    trials,
    ...(tolerance === undefined ? {} : { riskTolerance: tolerance }),
    deadlines: [{ id: "d", label: "Deadline", date: deadline.toISOString().slice(0, 10), kind: "internal" }],
    assumptions: [{ id: "tau_threat_turnover", label: "Threat turnover", unit: "days", value: { kind: "range", low, likely: low + spread[0], high: low + spread[0] + spread[1] }, confidence: "assumption", sources: [], note }],
    plan: { ...preset.plan!, capacityPerWeek: { low: capacity, likely: capacity, high: capacity } },
  }));

describe("round trips (property)", () => {
  it("export then import gives an identical scenario", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        expect(parseScenario(JSON.parse(JSON.stringify(s)), "x.json")).toEqual(s);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it("a shared link gives back the scenario, less its inventory references", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        expect(decodeScenario(encodeScenario(s))).toEqual({ ...s, inventory: [] });
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it("junk never throws anything but a ValidationError", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        try {
          parseScenario(junk, "junk");
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe("sharing", () => {
  it("keeps links compact and refuses a damaged one", () => {
    expect(encodeScenario(preset).length).toBeLessThan(2000);
    expect(() => decodeScenario("not!base64")).toThrow(/does not hold a scenario/);
    expect(() => decodeScenario(encodeScenario(preset).slice(0, 40))).toThrow(/does not hold a scenario/);
  });

  it("a template strips the client's name, inventory references and own deadlines", () => {
    const t = asTemplate(preset);
    expect(t.profile.name).toBe("Client");
    expect(t.inventory).toEqual([]);
    expect(t.deadlines.every((d) => d.kind === "regulatory")).toBe(true);
    expect(t.assumptions).toEqual(preset.assumptions);
    expect(t.plan).toEqual(preset.plan);
  });
});

describe("diff", () => {
  it("names each changed leaf, matching records by id so reordering is not a change", () => {
    const a = { x: 1, list: [{ id: "p", v: 1 }, { id: "q", v: 2 }], nested: { y: "a" } };
    const b = { x: 1, list: [{ id: "q", v: 2 }, { id: "p", v: 5 }], nested: { y: "b" }, added: true };
    expect(diff(a, b)).toEqual([
      { path: "added", before: undefined, after: true },
      { path: "list[p].v", before: 1, after: 5 },
      { path: "nested.y", before: "a", after: "b" },
    ]);
    expect(diff(preset, preset)).toEqual([]);
  });
});

describe("decide and beats", () => {
  const evaluation = (id: string, loss: number, cost: number, p: number, share: number) =>
    ({ id, name: id.toUpperCase(), loss: { mean: loss, p90: loss * 2 }, cost: { p: { 50: cost } }, deadlines: [{ deadline: { id: "d", label: "D", date: "2027-01-01", kind: "internal" }, probability: p, standardError: 0, passed: false }], frozenShareYear: share }) as unknown as Evaluation;
  const a = evaluation("a", 100, 1000, 0.9, 0.2);
  const b = evaluation("b", 200, 0, 0.1, 1);

  it("scales each criterion from worst to best, weights them, and explains the pick", () => {
    // Weights: loss 1, cost 1, the rest 0. A wins loss (1, 0); B wins cost (0, 1): a tie at 0.5,
    // broken by name; with loss weighted 3, A scores 3/4.
    const tie = decide([a, b], { loss: 1, cost: 1 });
    expect(tie.ranking.map((r) => [r.id, r.total])).toEqual([["a", 0.5], ["b", 0.5]]);
    const d = decide([a, b], { loss: 3, cost: 1 });
    expect(d.ranking.map((r) => [r.id, r.total])).toEqual([["a", 0.75], ["b", 0.25]]);
    expect(d.recommendation!.id).toBe("a");
    expect(d.recommendation!.reasons[0]).toBe("best on expected loss over the coming year: $100");
    expect(d.recommendation!.reasons).toContain("trades away cost over the horizon (P50, present value): $1,000 against the best $0");
  });

  it("counts ties as half when pairing draws", () => {
    expect(beats(Float64Array.of(1, 2, 3, 0), Float64Array.of(2, 2, 1, 0)).probability).toBe((1 + 0.5 + 0 + 0.5) / 4);
  });
});
