import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { loadWorkbookProgress } from "../../loaders/progress/workbook.js";
import { trackLoaded } from "../../loaders/progress/snapshots.js";
import { loadScenario } from "../../loaders/model/scenario.js";
import { isKasperskyDevice } from "../../src/lib/model/frozen.js";

const temp = mkdtempSync(join(tmpdir(), "offramp-progress-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the Progress page's loader", () => {
  it("reads the sample's three snapshots as `offramp track` does, with paths relative to the organisation's folder; tracked, they give the CLI's counts", async () => {
    const progress = await loadWorkbookProgress({ OFFRAMP_DATA_DIR: join(DATA_DIR, "sample") });
    expect(progress.snapshots.map((s) => [s.date, s.devices.filter(isKasperskyDevice).length])).toEqual([["2027-02-15", 1083], ["2027-03-15", 897], ["2027-04-15", 671]]);
    const loaded = await loadScenario(join(DATA_DIR, "scenarios", "sample-organisation.json"));
    const report = trackLoaded(loaded, progress.snapshots);
    expect(report.snapshots.map((s) => [s.date, s.kasperskyDevices])).toEqual([["2026-11-25", 1151], ["2027-02-15", 1086], ["2027-03-15", 898], ["2027-04-15", 673]]);
    expect(report.snapshots[3]!.cameBack.map((d) => d.hostname)).toContain("chi-srv-0024");
    expect(report.forecast?.from).toBe("2027-04-15");
    expect(progress.listed.flatMap((l) => l.sources.read.map((r) => r.file))).toContain("snapshots/2027-04-15/ksc-devices.csv");
    expect(JSON.stringify(progress)).not.toContain(DATA_DIR);
  }, 60_000);

  it("gives no snapshots when the manifest lists none, and leaves out (saying why) a folder outside the organisation's or one with nothing readable", async () => {
    const none = join(temp, "none");
    mkdirSync(none);
    writeFileSync(join(none, "manifest.json"), JSON.stringify({ organisation: "None" }));
    const empty = await loadWorkbookProgress({ OFFRAMP_DATA_DIR: none });
    expect(empty.snapshots).toEqual([]);

    const odd = join(temp, "odd");
    mkdirSync(join(odd, "blank"), { recursive: true });
    writeFileSync(join(odd, "manifest.json"), JSON.stringify({ organisation: "Odd", snapshots: [{ date: "2027-01-01", folder: "../none" }, { date: "2027-02-01", folder: "blank" }] }));
    const skipped = await loadWorkbookProgress({ OFFRAMP_DATA_DIR: odd });
    expect(skipped.snapshots).toEqual([]);
    expect(skipped.skipped.map((s) => [s.folder, s.reason])).toEqual([["../none", "is outside the organisation's folder, so it was not read"], ["blank", "has no readable export"]]);
  }, 60_000);
});
