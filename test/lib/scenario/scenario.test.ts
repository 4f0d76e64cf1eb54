import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Evaluation } from "../../../src/lib/model/evaluate.js";
import { paired } from "../../../src/lib/model/paired.js";
import { decide } from "../../../src/lib/scenario/compare.js";
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
    expect(parsed.schemaVersion).toBe(3);
    expect(parsed.option).toBe("defender-everywhere");
    expect(parsed.narrative).toEqual([]);
    expect(parsed.prices).toEqual([]);
    expect(v1).toEqual(copy);
  });

  it("migrates a version-2 file to version 3 with no price overrides, keeping everything else", () => {
    const { prices: _prices, ...rest } = preset;
    const parsed = parseScenario({ ...rest, schemaVersion: 2 }, "v2.json");
    expect(parsed).toEqual({ ...preset, schemaVersion: 3, prices: [] });
  });

  it("reads price overrides and inventory content hashes, and names a bad hash", () => {
    const quoted = { ...preset, prices: [{ product: "defender-p2", price: { kind: "point", value: 40 }, note: "Quote Q-17" }], inventory: [{ file: "tvm.csv", sha256: "a".repeat(64) }] };
    expect(parseScenario(quoted, "q.json").prices[0]).toEqual({ product: "defender-p2", price: { kind: "point", value: 40 }, note: "Quote Q-17" });
    expect(() => parseScenario({ ...quoted, inventory: [{ file: "tvm.csv", sha256: "XYZ" }] }, "q.json")).toThrow(/inventory\[0\]\.sha256: expected 64 lowercase hex digits/);
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
    trials: fc.integer({ min: 1, max: 1_000_000 }),
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

  it("a shared link gives back the scenario, less its inventory references", async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (s) => {
        expect(await decodeScenario(encodeScenario(s))).toEqual({ ...s, inventory: [] });
      }),
      { numRuns: 40, seed: 2 },
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
  it("keeps links compact and refuses a damaged one", async () => {
    expect(encodeScenario(preset).length).toBeLessThan(2000);
    await expect(decodeScenario("not!base64")).rejects.toThrow(/does not hold a scenario/);
    await expect(decodeScenario(encodeScenario(preset).slice(0, 40))).rejects.toThrow(/does not hold a scenario/);
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

describe("decide and paired", () => {
  // Four simulated futures per option: cost plus expected loss over the horizon, trial by trial.
  const evaluation = (id: string, totals: number[], hard: number | null = null) => {
    const draws = Float64Array.from(totals);
    const mean = totals.reduce((x, y) => x + y, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((x, y) => x + (y - mean) ** 2, 0) / (totals.length - 1));
    const deadlines = hard === null ? [] : [{ deadline: { id: "renewal", label: "Renewal", date: "2027-06-30", kind: "contractual" }, probability: hard, standardError: 0, passed: false }];
    return { id, name: id.toUpperCase(), seed: 1, trials: totals.length, horizonMonths: 36, horizonTotal: { mean, standardError: sd / Math.sqrt(totals.length) }, deadlines, draws: { horizonTotal: draws, cost: draws, lossYear: draws } } as unknown as Evaluation;
  };
  const a = evaluation("a", [100, 110, 120, 130]); // mean 115
  const b = evaluation("b", [200, 210, 215, 235]); // mean 215, worse in every future

  it("ranks on cost plus expected loss over the horizon, compares each option with the best trial by trial, and explains the pick", () => {
    const d = decide([b, a]);
    expect(d.ranking.map((r) => [r.id, r.total.mean])).toEqual([["a", 115], ["b", 215]]);
    expect(d.ranking[0]!.versusBest).toBeNull();
    // B minus A: 100, 100, 95, 105: mean 100, never lower, clearly not a tie.
    expect(d.ranking[1]!.versusBest).toMatchObject({ meanDifference: 100, probability: 0, tie: false });
    expect(d.recommendation!.id).toBe("a");
    expect(d.recommendation!.reasons[0]).toMatch(/^it has the lowest expected cost plus loss over 36 months: \$115 /);
    expect(d.recommendation!.reasons[1]).toMatch(/^it is \$100 \(± \$\d+\) lower than "B", and lower in 100% of the simulated futures$/);
    // A is best in every future: knowing the inputs would change nothing.
    expect(d.evpi.value).toBe(0);
  });

  it("calls a difference within Monte Carlo error a tie, and says so", () => {
    const c = evaluation("c", [101, 109, 121, 131]); // C minus A: 1, −1, 1, 1
    const d = decide([a, c]);
    expect(d.ranking[1]!.versusBest!.tie).toBe(true);
    expect(d.recommendation!.reasons.join(" ")).toMatch(/tied on this measure/);
  });

  it("never recommends an option unlikely to meet a legal or contractual deadline without saying what meeting it costs", () => {
    const cheapButLate = evaluation("a", [100, 110, 120, 130], 0.5);
    const onTime = evaluation("b", [200, 210, 215, 235], 0.9);
    const d = decide([cheapButLate, onTime]);
    expect(d.ranking[0]!.id).toBe("a");
    expect(d.ranking[0]!.misses.map((m) => m.deadline.id)).toEqual(["renewal"]);
    expect(d.recommendation!.id).toBe("b");
    expect(d.recommendation!.reasons[1]).toBe('"A" costs $100 (± $2) less over the same period but is unlikely to meet "Renewal" (2027-06-30; probability 50%)');
    // When none meets it, the pick is the cheapest, and the reasons say none meets the deadline.
    const none = decide([cheapButLate, evaluation("b", [200, 210, 215, 235], 0.1)]);
    expect(none.recommendation!.id).toBe("a");
    expect(none.recommendation!.reasons.join(" ")).toMatch(/no option compared meets every hard deadline/);
  });

  it("values perfect information as the mean gain from choosing the best option in each future", () => {
    // Equal means (150); A is best in the first future by 50, B in the second by 0: EVPI = (50 + 0) / 2.
    const d = decide([evaluation("a", [100, 200]), evaluation("b", [150, 150])]);
    expect(d.evpi.value).toBe(25);
  });

  it("counts ties as half when pairing draws", () => {
    expect(paired(Float64Array.of(1, 2, 3, 0), Float64Array.of(2, 2, 1, 0)).probability).toBe((1 + 0.5 + 0 + 0.5) / 4);
  });
});

describe("a share link", () => {
  const toLink = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  it("that unpacks past 1 MB (a deflate bomb) is refused quickly, with a message, and memory stays small", async () => {
    const { deflateSync } = await import("fflate");
    const bomb = toLink(deflateSync(new Uint8Array(200_000_000), { level: 9 }));
    expect(bomb.length).toBeLessThan(400_000);
    const start = performance.now();
    const rss = process.memoryUsage().rss;
    await expect(decodeScenario(bomb)).rejects.toThrow(/unpacks to more than 1 MB, which no scenario needs; it was not opened/);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300_000_000);
  });
  it("that is absurdly long, or not deflate, or not a scenario, says so", async () => {
    const { deflateSync, strToU8 } = await import("fflate");
    await expect(decodeScenario("A".repeat(2_000_001))).rejects.toThrow(/more than any scenario needs/);
    await expect(decodeScenario("AAAA")).rejects.toThrow(/the link does not hold a scenario/);
    await expect(decodeScenario(toLink(deflateSync(strToU8('{"schemaVersion": 3}'))))).rejects.toThrow(/the shared link is not valid/);
  });
  it("round-trips a real scenario unchanged except its inventory references", async () => {
    expect(await decodeScenario(encodeScenario(preset))).toEqual({ ...preset, inventory: [] });
  });
});
