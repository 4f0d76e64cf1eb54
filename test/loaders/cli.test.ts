import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = resolve("loaders/cli/offramp.js");
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

  it("reads the folder named by OFFRAMP_DATA_DIR, and names the file and field of bad data", async () => {
    const dir = join(temp, "client");
    cpSync("data/sample", dir, { recursive: true });
    const devices = JSON.parse(readFileSync(join(dir, "truth/devices.json"), "utf8"));
    devices[2].criticality = 7;
    writeFileSync(join(dir, "truth/devices.json"), JSON.stringify(devices));
    const { code, stderr } = await offramp(["summary"], { OFFRAMP_DATA_DIR: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "truth/devices.json")} is not valid`);
    expect(stderr).toMatch(/\[2\]\.criticality/);
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
