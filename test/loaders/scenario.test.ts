import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { fileSha256, hashWarnings, loadScenario } from "../../loaders/model/scenario.js";

const temp = mkdtempSync(join(tmpdir(), "offramp-scenario-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const sample = JSON.parse(readFileSync(join(DATA_DIR, "scenarios/sample-organisation.json"), "utf8"));

describe("inventory hashes (scenario version 3)", () => {
  const cmdb = join(temp, "cmdb.csv");
  const ksc = join(temp, "ksc.csv");
  copyFileSync(join(DATA_DIR, "sample/exports/cmdb-assets.csv"), cmdb);
  copyFileSync(join(DATA_DIR, "sample/exports/ksc-devices.csv"), ksc);

  it("hashes a file's bytes, and gives null for a file that cannot be read", async () => {
    expect(await fileSha256(cmdb)).toBe(sha256(cmdb));
    expect(await fileSha256(join(temp, "missing.csv"))).toBeNull();
  });

  it("warns for each file whose bytes differ from the recorded hash, and for no other", async () => {
    const refs = [
      { file: "cmdb.csv", sha256: sha256(cmdb) },
      { file: "ksc.csv", sha256: "0".repeat(64) },
      { file: "missing.csv", sha256: "1".repeat(64) }, // unreadable: ingest reports it, not the hash check
      { file: "cmdb.csv" }, // no hash recorded: nothing to check
    ];
    const warnings = await hashWarnings(refs, temp);
    expect(warnings).toEqual([`ksc.csv: its contents differ from the scenario's (sha256 ${sha256(ksc).slice(0, 16)}…, the scenario recorded 0000000000000000…); figures are from the file as it is now`]);
  });

  it("loads a scenario whose file changed, on the file as it is now, with the warning", async () => {
    const write = (name: string, inventory: unknown[]) => {
      const file = join(temp, name);
      writeFileSync(file, JSON.stringify({ ...sample, inventory }));
      return file;
    };
    const matching = await loadScenario(write("matching.json", [{ file: "ksc.csv", format: "ksc-devices", sha256: sha256(ksc) }]));
    expect(matching.warnings).toEqual([]);
    const changed = await loadScenario(write("changed.json", [{ file: "ksc.csv", format: "ksc-devices", sha256: "f".repeat(64) }]));
    expect(changed.warnings).toHaveLength(1);
    expect(changed.warnings[0]).toMatch(/^ksc\.csv: its contents differ from the scenario's \(sha256 [0-9a-f]{16}…, the scenario recorded f{16}…\); figures are from the file as it is now$/);
    expect(changed.rows).toEqual(matching.rows);
    // Files given in place of the scenario's references carry no recorded hash: nothing to warn about.
    expect((await loadScenario(join(temp, "changed.json"), [ksc])).warnings).toEqual([]);
  });
});
