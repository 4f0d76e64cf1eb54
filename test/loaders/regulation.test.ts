import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-regulation-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const offramp = (args: string[]) => node([resolve("cli/offramp.js"), ...args]);

describe("offramp timeline", () => {
  it("lists visibly different obligations for a private company, a federal contractor and a German subsidiary", async () => {
    const docs = await Promise.all(["private-us-company", "federal-contractor", "german-subsidiary"].map(async (p) => JSON.parse((await offramp(["timeline", "--json", "--profile", p])).stdout)));
    const summary = docs.map((d) => d.obligations.filter((o: { class: string }) => o.class !== "context").map((o: { eventId: string; class: string }) => `${o.eventId}:${o.class}`));
    expect(summary[0]).toContain("KAS-2024-09-29-CUTOFF:technical");
    expect(summary[0].some((s: string) => s.endsWith(":contractual"))).toBe(false);
    expect(summary[1]).toContain("KAS-2018-07-16-FAR-EFF:contractual");
    expect(summary[2]).toEqual(["KAS-2022-03-15-BSI:advisory"]);
    expect(docs[0].deadlines).toEqual([]);
    expect(docs[0].continuedUseIsLawful).toBe(true);
    expect(docs[1].deadlines.map((d: { date: string; instant: string }) => `${d.date} ${d.instant}`)).toEqual(["2018-10-01 2018-10-01T00:00:00.000Z"]);
    expect(docs[1].continuedUseIsLawful).toBe(false);
    expect(docs[2].continuedUseIsLawful).toBe(true);
  });

  it("reads a profile from a file, and refuses a name that is neither a preset nor a file", async () => {
    const file = join(temp, "profile.json");
    writeFileSync(file, JSON.stringify({ name: "Vilnius office", usPerson: false, federalAgency: false, federalContractor: false, fccSubsidyRecipient: false, resellerMspOem: false, criticalInfrastructure: true, governmentSystems: false, countries: ["LT"] }));
    const { code, stdout } = await offramp(["timeline", "--profile", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/kaspersky timeline for Vilnius office: 1 of 46 events apply/);
    expect(stdout).toMatch(/2017-12-20 +LT/);
    const bad = await offramp(["timeline", "--profile", "nonesuch"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"nonesuch" is neither a preset \(.*federal-contractor.*\) nor a readable file/);
  });
});

describe("the regulation data loader", () => {
  it("fails the build naming the file, the event and the field of an invalid event", async () => {
    const root = join(temp, "data");
    // The loader reads the programme's facts through loadFacts: every fact file, of which only the timeline is broken.
    for (const f of ["timelines", "profiles", "catalogs", "assumptions.json", "pricebook.json", "replacement-options.json"]) cpSync(join("data", f), join(root, f), { recursive: true });
    const path = join(root, "timelines/kaspersky.json");
    const timeline = JSON.parse(readFileSync(path, "utf8"));
    timeline.events[3].date = "2017-02-30";
    timeline.events[5].sources = [];
    writeFileSync(path, JSON.stringify(timeline));
    const { code, stderr } = await node(["--import", "tsx", resolve("src/data/regulation.json.ts")], { OFFRAMP_DATA_ROOT: root });
    expect(code).toBe(1);
    expect(stderr).toContain(`${path} is not valid`);
    expect(stderr).toContain(`events[3].date (id "${timeline.events[3].id}"): "2017-02-30" is not a valid date of precision day`);
    expect(stderr).toContain(`events[5].sources (id "${timeline.events[5].id}"): every event needs at least one source`);
  });
});
