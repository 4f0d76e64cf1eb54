/** `offramp track` and the memo's progress section on the sample organisation's snapshots (issue 17). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { offramp } from "../support/cli.js";

const SCENARIO = "data/scenarios/sample-organisation.json";
const manifest = JSON.parse(readFileSync("data/sample/manifest.json", "utf8")) as { snapshots: { date: string; folder: string }[] };
const SNAPSHOTS = manifest.snapshots.flatMap((s) => ["--snapshot", `${s.date}=data/sample/${s.folder}`]);

describe("offramp track", () => {
  it("follows the sample through its three snapshots from the scenario's own inventory, and re-forecasts from the latest", async () => {
    const { code, stdout, stderr } = await offramp(["track", "--scenario", SCENARIO, ...SNAPSHOTS, "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.snapshots.map((s: { date: string }) => s.date)).toEqual(["2026-11-25", "2027-02-15", "2027-03-15", "2027-04-15"]);
    // The scenario's inventory is the baseline: the Kaspersky devices every page counts.
    expect(doc.snapshots[0].kasperskyDevices).toBe(1151);
    const latest = doc.snapshots[3];
    expect(latest.kasperskyDevices).toBeLessThan(doc.snapshots[2].kasperskyDevices);
    // The generator's noise: devices migrated then re-imaged with Kaspersky, four new laptops, a few offline.
    expect(doc.snapshots[2].new).toEqual(["nyc-ws-9000", "nyc-ws-9001", "nyc-ws-9002", "nyc-ws-9003"]);
    expect(doc.snapshots.slice(1).flatMap((s: { cameBack: string[] }) => s.cameBack).length).toBeGreaterThan(0);
    expect(doc.snapshots.slice(1).flatMap((s: { missing: string[] }) => s.missing).length).toBeGreaterThan(0);
    expect(doc.plan.band).toHaveLength(4);
    // The appliance's SBOM is read for its host (by its file name, as the scenario reads it): never migrated.
    expect(doc.snapshots.flatMap((s: { migrated: string[] }) => s.migrated)).not.toContain("nyc-mx-gw01");
    // A missing device is still counted (as last seen): the count is the seen ones plus the unseen.
    expect(latest.unseen).toBe(doc.snapshots[3].missing.length);
    // The board target (31 March 2027) had devices left on 15 March and on 15 April: missed.
    expect(doc.forecast.deadlines.find((d: { id: string }) => d.id === "board-target").outcome).toBe("missed");
    // The sample's migrated devices get CrowdStrike's sensor (Defender for Endpoint on Macs), seen
    // wherever a software inventory lists the device (a device only the Kaspersky console knew shows none).
    expect(latest.migratedWithReplacement).toBeGreaterThan(0.9 * latest.migrated.length);
    expect(latest.migratedWithReplacement).toBeLessThanOrEqual(latest.migrated.length);
    expect(latest.migrated.length).toBeGreaterThan(100);
    expect(["ahead", "inside", "behind"]).toContain(latest.standing);
    expect(doc.forecast.from).toBe("2027-04-15");
    expect(doc.forecast.completion.p50 <= doc.forecast.completion.p80).toBe(true);
    for (const d of doc.forecast.deadlines) expect(d.standardError).toBeGreaterThanOrEqual(0);
    expect(doc.forecast.capacityFor80.capacityPerWeek).toBeGreaterThan(0);
    // Which files each snapshot read, with their rows.
    expect(stderr).toMatch(/snapshot 2027-04-15: 5 files read \(.*defender-tvm-software-inventory\.csv: [\d,]+ rows, [\d,]+ accepted, 0 rejected/);
  });

  it("the memo's progress section states the same figures as offramp track", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "offramp-track-")), "memo.md");
    const [track, memo] = await Promise.all([offramp(["track", "--scenario", SCENARIO, ...SNAPSHOTS, "--json"]), offramp(["memo", "--scenario", SCENARIO, ...SNAPSHOTS, "--format", "md", "--out", out])]);
    expect(memo.code).toBe(0);
    const doc = JSON.parse(track.stdout);
    const text = readFileSync(out, "utf8");
    const section = text.slice(text.indexOf("## Progress since the last board report"), text.indexOf("## What further information"));
    const latest = doc.snapshots[3];
    const n = (x: number) => Math.round(x).toLocaleString("en-US");
    expect(section).toContain(`On 15 April 2027 the exports showed ${n(latest.kasperskyDevices)} devices running Kaspersky`);
    expect(section).toContain(`${n(latest.migrated.length)} migrated (${n(latest.migratedWithReplacement)} with a replacement seen in the exports), ${n(latest.cameBack.length)} came back`);
    const insurance = doc.forecast.deadlines.find((d: { passed: boolean }) => !d.passed);
    expect(section).toContain(`${(insurance.probability * 100).toFixed(1)}% ± ${(insurance.standardError * 100).toFixed(1)}%`);
    expect(section).toContain(`updated to a mean of ${n(doc.forecast.capacity.posteriorMean)} a week`);
    expect(text).toContain("offramp track --scenario <file> --snapshot 2027-02-15=<exports of 2027-02-15>");
    // Without snapshots, no such section.
    const plain = join(mkdtempSync(join(tmpdir(), "offramp-track-")), "memo.md");
    await offramp(["memo", "--scenario", SCENARIO, "--format", "md", "--out", plain]);
    expect(readFileSync(plain, "utf8")).not.toContain("Progress since the last board report");
  });

  it("offramp memo refuses snapshots that would give wrong figures, as track does, before writing anything", async () => {
    const empty = mkdtempSync(join(tmpdir(), "offramp-empty-"));
    writeFileSync(join(empty, "notes.txt"), "");
    const out = join(empty, "memo.md");
    const memo = await offramp(["memo", "--scenario", SCENARIO, "--snapshot", `2027-03-01=${empty}`, "--format", "md", "--out", out]);
    expect(memo.code).toBe(2);
    expect(memo.stderr).toMatch(/offramp memo: the snapshot dated 2027-03-01 .* has no readable export/);
    expect(() => readFileSync(out)).toThrow();
  });

  it("refuses a snapshot that is not DATE=PATH, a date given twice, and a snapshot with nothing readable, saying which", async () => {
    const bad = await offramp(["track", "--scenario", SCENARIO, "--snapshot", "march=exports"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"march" is not a date/);
    const twice = await offramp(["track", "--scenario", SCENARIO, "--snapshot", "2027-03-01=a", "--snapshot", "2027-03-01=b"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/two snapshots are dated 2027-03-01/);
    const empty = mkdtempSync(join(tmpdir(), "offramp-empty-"));
    writeFileSync(join(empty, "notes.txt"), "");
    const none = await offramp(["track", "--scenario", SCENARIO, "--snapshot", `2027-03-01=${empty}`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/notes\.txt could not be read: the file is empty/);
    expect(none.stderr).toMatch(/has no readable export/);
    expect(none.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
