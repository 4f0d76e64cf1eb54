import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = resolve("cli/offramp.js");
const temp = mkdtempSync(join(tmpdir(), "offramp-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function offramp(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("offramp (the command)", () => {
  it("--help lists its commands and exits 0", async () => {
    const { code, stdout } = await offramp(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: offramp <command>/);
    expect(stdout).toMatch(/summary/);
    expect(stdout).toMatch(/sample/);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, stderr } = await offramp(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });

  it("summary --json prints the same headline figures the Overview shows", async () => {
    const { code, stdout } = await offramp(["summary", "--json", "--as-of", "2025-09-29"]);
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    const manifest = JSON.parse(readFileSync("data/sample/manifest.json", "utf8"));
    expect(figures.devices).toBe(manifest.devices);
    expect(figures.kasperskyDevices).toBe(manifest.kasperskyDevices);
    expect(figures.daysSinceUpdatesStopped).toBe(365);
    expect(figures.updatesStopped.instant).toBe("2024-09-29T04:00:00.000Z");
  });

  it("summary --unit narrows to a business unit and rejects one that does not exist", async () => {
    const all = JSON.parse((await offramp(["summary", "--json"])).stdout);
    const logistics = JSON.parse((await offramp(["summary", "--json", "--unit", "Logistics"])).stdout);
    expect(logistics.devices).toBeLessThan(all.devices);
    const bad = await offramp(["summary", "--unit", "Marketing"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no business unit "Marketing"; the organisation has Corporate, Engineering, Finance, Logistics, Retail/);
  });

  it("reads the exports in the folder named by OFFRAMP_DATA_DIR, and names the file and field of a bad manifest", async () => {
    const dir = join(temp, "client");
    mkdirSync(dir, { recursive: true });
    cpSync("data/sample/exports/ksc-devices.csv", join(dir, "ksc.csv"));
    const client = await offramp(["summary", "--json", "--as-of", "2025-09-29"], { OFFRAMP_DATA_DIR: dir });
    expect(client.code).toBe(0);
    const figures = JSON.parse(client.stdout);
    expect(figures.organisation).toBe("client");
    expect(figures.devices).toBe(1116);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ organisation: "Client", exports: [{ file: 42 }] }));
    const { code, stderr } = await offramp(["summary"], { OFFRAMP_DATA_DIR: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "manifest.json")} is not valid`);
    expect(stderr).toMatch(/exports\[0\]\.file/);
  });

  it("sample --out writes the same organisation for the same seed", async () => {
    const out = join(temp, "sample");
    const { code, stdout } = await offramp(["sample", "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/4,?001 devices|4001 devices/);
    expect(readFileSync(join(out, "truth/installs.json"), "utf8")).toBe(readFileSync("data/sample/truth/installs.json", "utf8"));
    const bad = await offramp(["sample", "--out", out, "--seed", "-3"]);
    expect(bad.code).toBe(2);
  });
});

describe("offramp ingest", () => {
  it("--json reports each source, distinct devices and Kaspersky installs, and exits 0", async () => {
    const files = ["defender-tvm-software-inventory.csv", "mecm-add-remove-programs.csv", "ksc-devices.csv", "cmdb-assets.csv"].map((f) => `data/sample/exports/${f}`);
    const { code, stdout } = await offramp(["ingest", "--json", "--now", "2026-11-02T09:00:00Z", ...files]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.sources).toHaveLength(4);
    for (const s of doc.sources) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(["file", "format", "encoding", "delimiter", "rows", "accepted", "rejected", "errors"]));
      expect(s.rows).toBe(s.accepted + s.rejected);
    }
    expect(doc.sources.find((s: { file: string }) => s.file.endsWith("ksc-devices.csv")).delimiter).toBe("\t");
    expect(doc.devices).toBe(4001);
    expect(doc.kaspersky.devices).toBeGreaterThan(1100);
    expect(doc.kaspersky.byProduct["Kaspersky Security Center Network Agent"]).toBeGreaterThan(1000);
  });

  it("lists a bad row by file, line and column, still reads the other files, and exits 2 when none can be read", async () => {
    const bad = join(temp, "bad.csv");
    writeFileSync(bad, "ResourceID,Name0,DisplayName0,Version0,Publisher0,InstallDate0\n1,PC1,Kaspersky Endpoint Security for Windows,12.1,AO Kaspersky Lab,2024-13-45\n2,PC2,Google Chrome,1,Google,20240101\n");
    const empty = join(temp, "empty.csv");
    writeFileSync(empty, "");
    const { code, stdout } = await offramp(["ingest", "--json", bad, empty, join(temp, "missing.csv")]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.sources[0]).toMatchObject({ format: "mecm-arp", rows: 2, accepted: 1, rejected: 1, errors: [{ line: 2, column: "InstallDate0", message: 'unreadable install date "2024-13-45"' }] });
    expect(doc.sources[1].fatal).toBe("the file is empty");
    expect(doc.sources[2].fatal).toMatch(/cannot be read \(ENOENT\)/);
    const none = await offramp(["ingest", empty]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/empty\.csv: the file is empty/);
  });
});
