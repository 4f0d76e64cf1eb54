import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const offramp = async (args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [resolve("loaders/cli/offramp.js"), ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
const SCENARIO = "data/scenarios/sample-organisation.json";

describe("offramp model", () => {
  it("--json prints the exposure section with standard errors, reproducibly for a seed", async () => {
    const a = await offramp(["model", "--scenario", SCENARIO, "--trials", "20000", "--seed", "7", "--json"]);
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect(doc.scenario).toMatchObject({ id: "sample-organisation", seed: 7, trials: 20000 });
    const e = doc.exposure;
    expect(e.devices).toBe(4001);
    expect(e.kasperskyDevices).toBe(1151);
    expect(e.frozenDevices).toBeGreaterThan(700);
    expect(e.loss.expectedAnnualLoss.standardError).toBeGreaterThan(0);
    expect(e.loss.percentiles.p95.standardError).toBeGreaterThan(0);
    expect(e.loss.costOfDelayPerWeek.mean).toBeGreaterThan(0);
    expect(e.assumptionsUsed.lefBase).toBe("lef_baseline_midsize");
    expect(e.valueOfInformation).toHaveLength(5);
    const b = JSON.parse((await offramp(["model", "--scenario", SCENARIO, "--trials", "20000", "--seed", "7", "--json"])).stdout);
    expect(b.exposure.loss).toEqual(e.loss);
  });

  it("asks for a scenario, and refuses a trial count that is not a whole number", async () => {
    expect((await offramp(["model"])).stderr).toMatch(/--scenario FILE is required/);
    const bad = await offramp(["model", "--scenario", SCENARIO, "--trials", "1.5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--trials: expected a whole number/);
  });
});

describe("offramp model: the cost section", () => {
  it("prices every option with P10/P50/P90 and pairwise probabilities", async () => {
    const { code, stdout } = await offramp(["model", "--scenario", SCENARIO, "--trials", "5000", "--seed", "3", "--json"]);
    expect(code).toBe(0);
    const cost = JSON.parse(stdout).cost;
    expect(cost.horizonMonths).toBe(36);
    expect(cost.options.map((o: { optionId: string }) => o.optionId)).toEqual(["defender-everywhere", "one-edr-everywhere", "mixed-by-segment", "keep-kaspersky"]);
    for (const o of cost.options.slice(0, 3)) {
      expect(o.total.p[10]).toBeLessThan(o.total.p[50]);
      expect(o.total.p[50]).toBeLessThan(o.total.p[90]);
      expect(o.migratedDevices).toBe(1151);
      expect(o.perDevice).toBeGreaterThan(0);
    }
    expect(cost.options[3].total.mean).toBe(0);
    const pair = cost.cheaper.find((c: { a: string; b: string }) => c.a === "defender-everywhere" && c.b === "one-edr-everywhere");
    expect(pair.probability).toBeGreaterThan(0.9);
  });
});

describe("offramp model: the timeline section", () => {
  it("gives completion dates, each deadline's probability and the exposure carried, and feeds the loss model", async () => {
    const { code, stdout } = await offramp(["model", "--scenario", SCENARIO, "--trials", "5000", "--seed", "3", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const t = doc.timeline;
    expect(t.trials).toBe(5000);
    expect(t.completion.p50 <= t.completion.p80 && t.completion.p80 <= t.completion.p90).toBe(true);
    const ids = t.deadlines.map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining(["board-target", "insurance-renewal", "KAS-2024-07-20-NEWAGR"]));
    expect(t.deadlines.find((d: { id: string }) => d.id === "KAS-2024-07-20-NEWAGR").passed).toBe(true);
    const insurance = t.deadlines.find((d: { id: string }) => d.id === "insurance-renewal");
    expect(insurance.probability).toBeGreaterThan(0.2);
    expect(insurance.probability).toBeLessThan(0.95);
    expect(t.exposureDeviceDays.p50).toBeGreaterThan(0);
    expect(doc.exposure.yearAhead.plan).toBeLessThan(doc.exposure.yearAhead.doNothing);
  });
});

describe("offramp scenario", () => {
  it("validate accepts a preset, migrates an old file, and names each bad field of a broken one", async () => {
    const { writeFileSync, mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "offramp-scenario-"));
    const ok = await offramp(["scenario", "validate", "data/scenarios/presets/rip-and-replace-now.json"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid scenario "Rip and replace now" \(version 2\)/);
    const preset = JSON.parse(readFileSync("data/scenarios/presets/rip-and-replace-now.json", "utf8"));
    delete preset.option;
    writeFileSync(join(dir, "v1.json"), JSON.stringify({ ...preset, schemaVersion: 1 }));
    expect((await offramp(["scenario", "validate", join(dir, "v1.json")])).stdout).toMatch(/migrated from version 1/);
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...preset, schemaVersion: 2, seed: "x", deadlines: [{ id: "d", label: "D", date: "2027-02-30", kind: "internal" }] }));
    const bad = await offramp(["scenario", "validate", join(dir, "bad.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/seed:/);
    expect(bad.stderr).toMatch(/deadlines\[0\]\.date \(id "d"\)/);
    expect(bad.stderr).toMatch(/option:/);
  });

  it("diff lists what changed and how the headline figures moved", async () => {
    const { code, stdout } = await offramp(["scenario", "diff", "data/scenarios/presets/phased-by-criticality.json", "data/scenarios/presets/rip-and-replace-now.json", "--trials", "1000"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/option: "mixed-by-segment" -> "defender-everywhere"/);
    expect(stdout).toMatch(/plan\.capacityPerWeek\.likely: 80 -> 200/);
    expect(stdout).toMatch(/cost P50 over the horizon +\$[\d,]+ -> \$[\d,]+/);
    expect(stdout).toMatch(/Kaspersky gone \(median\) +2027-\d\d-\d\d -> 2027-\d\d-\d\d/);
  });
});
