import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { offramp } from "../support/cli.js";

const SCENARIO = "data/scenarios/sample-organisation.json";

/** The sample organisation as another scenario file: another option, or extra deadlines (inventory paths made absolute). */
async function variant(changes: Record<string, unknown>): Promise<string> {
  const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const base = JSON.parse(readFileSync(SCENARIO, "utf8"));
  const inventory = base.inventory.map((ref: { file: string }) => ({ ...ref, file: resolve("data/scenarios", ref.file) }));
  const file = join(mkdtempSync(join(tmpdir(), "offramp-model-")), "scenario.json");
  writeFileSync(file, JSON.stringify({ ...base, inventory, ...changes }));
  return file;
}

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
    // The evaluation counts through the same definitions as the exposure section.
    expect(doc.evaluation.counts).toMatchObject({ devices: 4001, kasperskyDevices: 1151, frozenDevices: e.frozenDevices, assumedFrozen: e.assumedFrozen });
    const b = JSON.parse((await offramp(["model", "--scenario", SCENARIO, "--trials", "20000", "--seed", "7", "--json"])).stdout);
    expect(b.exposure.loss).toEqual(e.loss);
  });

  it("warns on stderr and in --json when an inventory file's bytes differ from the scenario's sha256, and still evaluates the file as it is now", async () => {
    const { createHash } = await import("node:crypto");
    const { readFileSync } = await import("node:fs");
    const base = JSON.parse(readFileSync(SCENARIO, "utf8"));
    const hashed = base.inventory.map((ref: { file: string }) => ({ ...ref, sha256: createHash("sha256").update(readFileSync(resolve("data/scenarios", ref.file))).digest("hex") }));
    const ksc = hashed.findIndex((ref: { file: string }) => ref.file.endsWith("ksc-devices.csv"));
    const matching = await offramp(["model", "--scenario", await variant({ inventory: hashed.map((ref: { file: string }) => ({ ...ref, file: resolve("data/scenarios", ref.file) })) }), "--trials", "500", "--json"]);
    expect(matching.code).toBe(0);
    // The only thing said is which files were read.
    expect(matching.stderr.trim()).toMatch(/^inventory: 5 files read \(/);
    expect(matching.stderr).not.toMatch(/differ from the scenario's/);
    expect(JSON.parse(matching.stdout).scenario.warnings).toEqual([]);
    hashed[ksc].sha256 = "0".repeat(64);
    const changed = await offramp(["model", "--scenario", await variant({ inventory: hashed.map((ref: { file: string }) => ({ ...ref, file: resolve("data/scenarios", ref.file) })) }), "--trials", "500", "--json"]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/ksc-devices\.csv: its contents differ from the scenario's \(sha256 [0-9a-f]{16}…, the scenario recorded 0{16}…\); figures are from the file as it is now\n/);
    const doc = JSON.parse(changed.stdout);
    expect(doc.scenario.warnings).toHaveLength(1);
    expect(doc.scenario.warnings[0]).toMatch(/ksc-devices\.csv: its contents differ/);
    expect(doc.evaluation).toEqual(JSON.parse(matching.stdout).evaluation);
  });

  it("asks for a scenario, and refuses a trial count that is not a whole number", async () => {
    expect((await offramp(["model"])).stderr).toMatch(/--scenario FILE is required/);
    const bad = await offramp(["model", "--scenario", SCENARIO, "--trials", "1.5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--trials: expected a whole number/);
  });
});

describe("offramp model: the cost section", () => {
  it("prices every option with P10/P50/P90 and ranks them on cost plus loss, each paired with the best", async () => {
    // The sample's option (mixed by segment) and the three others, each as a scenario to compare.
    const others = await Promise.all(["defender-everywhere", "one-edr-everywhere", "keep-kaspersky"].map((option) => variant({ id: option, name: option, option })));
    const { code, stdout } = await offramp(["model", "--scenario", SCENARIO, ...others.flatMap((f) => ["--compare", f]), "--trials", "5000", "--seed", "3", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.cost.optionId).toBe("mixed-by-segment");
    expect(doc.cost.total.n).toBe(5000);
    expect(doc.cost.migratedDevices).toBe(1151);
    const all = [doc.evaluation, ...doc.alternatives];
    expect(all.map((e: { option: string }) => e.option)).toEqual(["mixed-by-segment", "defender-everywhere", "one-edr-everywhere", "keep-kaspersky"]);
    for (const e of all) {
      expect(e).toMatchObject({ seed: 3, trials: 5000, horizonMonths: 36 });
      expect(e.cost.p[10]).toBeLessThan(e.cost.p[50]);
      expect(e.cost.p[50]).toBeLessThan(e.cost.p[90]);
    }
    for (const e of all.slice(0, 3)) {
      expect(e.keptDevices).toBe(0);
      expect(e.cost.perDevice).toBeGreaterThan(0);
    }
    // Keeping Kaspersky is not free: its devices carry compensating controls. It is still the cheapest to buy,
    // and nothing is ever migrated, so the loss is the loss doing nothing.
    const keep = all[3];
    expect(keep.keptDevices).toBe(1151);
    expect(keep.cost.mean).toBeGreaterThan(0);
    for (const e of all.slice(0, 3)) expect(keep.cost.mean).toBeLessThan(e.cost.mean);
    expect(keep.completion).toBeNull();
    expect(keep.lossWithPlan).toEqual(keep.lossDoingNothing);
    // The ranking: lowest cost plus expected loss over the horizon first, each other option paired with it.
    const ranking = doc.decision.ranking as { id: string; total: { mean: number }; versusBest: { meanDifference: number; probability: number; tie: boolean } | null }[];
    expect(ranking).toHaveLength(4);
    expect(ranking.map((r) => r.total.mean)).toEqual([...ranking.map((r) => r.total.mean)].sort((x, y) => x - y));
    expect(ranking[0]!.versusBest).toBeNull();
    for (const r of ranking.slice(1)) expect(r.versusBest!.meanDifference).toBeGreaterThanOrEqual(0);
    // One EDR everywhere costs far more than the best for the same plan: more in every simulated future.
    const edr = ranking.find((r) => r.id === "one-edr-everywhere")!;
    expect(edr.versusBest).toMatchObject({ tie: false });
    expect(edr.versusBest!.probability).toBeLessThan(0.1);
    expect(doc.decision.recommendation.id).toBe(ranking[0]!.id);
    expect(doc.decision.evpi.value).toBeGreaterThanOrEqual(0);
  });
});

describe("offramp model: the timeline section", () => {
  it("gives completion dates, each deadline's probability and the exposure carried, and feeds the loss model", async () => {
    // The sample's own deadlines, and one that passed before the as-of date (2026-11-25).
    const base = JSON.parse((await import("node:fs")).readFileSync(SCENARIO, "utf8"));
    const file = await variant({ deadlines: [...base.deadlines, { id: "old-contract", label: "Old contract", date: "2026-06-30", kind: "contractual" }] });
    const { code, stdout } = await offramp(["model", "--scenario", file, "--trials", "5000", "--seed", "3", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const t = doc.timeline;
    expect(t.trials).toBe(5000);
    expect(t.completion.p50 <= t.completion.p80 && t.completion.p80 <= t.completion.p90).toBe(true);
    const e = doc.evaluation;
    expect(e.completion).toEqual({ p50: t.completion.p50, p80: t.completion.p80 });
    // Only removal obligations are deadlines: a private US company keeping Kaspersky breaks no BIS deadline.
    const ids = e.deadlines.map((d: { deadline: { id: string } }) => d.deadline.id);
    expect(ids).toEqual(["old-contract", "board-target", "insurance-renewal"]);
    expect(e.deadlines[0]).toMatchObject({ passed: true, probability: 0 });
    const insurance = e.deadlines.find((d: { deadline: { id: string } }) => d.deadline.id === "insurance-renewal");
    expect(insurance.passed).toBe(false);
    expect(insurance.probability).toBeGreaterThan(0.2);
    expect(insurance.probability).toBeLessThan(0.95);
    expect(e.frozenDeviceDays).toBeGreaterThan(0);
    // The plan's burn-down drives the loss: less expected loss over the coming year than doing nothing, beyond Monte Carlo error.
    expect(e.lossWithPlan.mean).toBeLessThan(e.lossDoingNothing.mean);
    expect(e.planSaving.mean).toBeGreaterThan(2 * e.planSaving.standardError);
    expect(e.frozenShareYear).toBeGreaterThan(0);
    expect(e.frozenShareYear).toBeLessThan(1);
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
    expect(ok.stdout).toMatch(/valid scenario "Rip and replace now" \(version 3\)/);
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
    // Each scenario's own trial count (20,000 in the presets), both on the first one's seed: the differences are paired.
    const { code, stdout } = await offramp(["scenario", "diff", "data/scenarios/presets/phased-by-criticality.json", "data/scenarios/presets/rip-and-replace-now.json"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/option: "mixed-by-segment" -> "defender-everywhere"/);
    expect(stdout).toMatch(/plan\.capacityPerWeek\.likely: 80 -> 200/);
    expect(stdout).toMatch(/Headline figures \(20,000 trials, seed \d+, paired\)/);
    expect(stdout).toMatch(/cost over the horizon \(mean\) +\$[\d,]+ -> \$[\d,]+ +\([+−]\$[\d,]+ ± \$[\d,]+\)/);
    expect(stdout).toMatch(/cost plus expected loss over the horizon +\$[\d,]+ -> \$[\d,]+/);
    expect(stdout).toMatch(/Kaspersky gone \(median\) +2027-\d\d-\d\d -> 2027-\d\d-\d\d/);
  });
});
