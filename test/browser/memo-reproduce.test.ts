/**
 * A memo written in the browser is the memo `offramp memo` writes for the same scenario, exports
 * and comparison: byte for byte, charts and content hash included. Once on the bundled sample,
 * once on exports dropped on the Inventory page (the scenario exported from the Scenarios page
 * names them by file name and SHA-256, and the CLI reads the same files).
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { dropExports, REAL_EXPORTS, useSite } from "./site.js";

const site = useSite();
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-memo-browser-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const PRESETS = "data/scenarios/presets";
const COMPARE = ["--compare", `${PRESETS}/accept-and-isolate.json`, "--compare", `${PRESETS}/phased-by-criticality.json`];

const download = async (page: Page, kind: string) => {
  const link = page.locator(`[data-download="${kind}"]`).first();
  await link.waitFor({ timeout: 120_000 });
  return page.evaluate(async (href) => (await fetch(href!)).text(), await link.getAttribute("href"));
};

async function cliMemo(scenario: string, out: string, ...extra: string[]): Promise<string> {
  await run("node", ["cli/offramp.js", "memo", "--scenario", scenario, ...COMPARE, "--format", "md", "--out", out, ...extra], { maxBuffer: 1 << 26 });
  return readFileSync(out, "utf8");
}

describe("a memo written in the browser", () => {
  it("is byte for byte the memo offramp memo writes for the bundled scenario and the same comparison", async () => {
    // The sample's own snapshots are in the workbook's memo: the CLI is given the same ones.
    const snapshots = (JSON.parse(readFileSync("data/sample/manifest.json", "utf8")) as { snapshots: { date: string; folder: string }[] }).snapshots.flatMap((x) => ["--snapshot", `${x.date}=data/sample/${x.folder}`]);
    const cli = await cliMemo("data/scenarios/sample-organisation.json", join(temp, "cli.md"), ...snapshots);
    const { page, report } = await site.open("/memo.html");
    const browser = await download(page, "md");
    expect(browser.length).toBeGreaterThan(10_000);
    expect(browser).toContain("## Progress since the last board report");
    expect(browser).toBe(cli);
    expect(browser).toMatch(/!\[[^\]]+\]\(data:image\/svg\+xml;base64,/);
    expect(report.errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("is byte for byte the CLI's memo on exports dropped in the browser, read by the CLI from the scenario the Scenarios page exports", async () => {
    // One export no reader knows: every page and both memos say it was not read.
    const unknown = join(temp, "colours.csv");
    writeFileSync(unknown, "Colour;Size;Weight\nred;3;1\n");
    const files = [...REAL_EXPORTS, unknown];
    const { page, report } = await site.open("/inventory.html");
    await dropExports(page, files);
    await page.goto(`${site.origin()}/scenarios.html`, { waitUntil: "networkidle" });
    const unread = page.locator("[data-unread]");
    await unread.waitFor({ timeout: 30_000 });
    expect(await unread.textContent()).toMatch(/^One export could not be read, so the figures cover only the rest: colours\.csv \(no known format has these headers: Colour, Size, Weight.*\)\. Inventory has the details\.$/);
    const exported = JSON.parse(await download(page, "json"));
    // The scenario names its inventory by file name and content hash, never by rows.
    expect(exported.inventory.map((r: { file: string }) => r.file)).toEqual(files.map((f) => basename(f)));
    for (const ref of exported.inventory) expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(exported)).not.toContain("hostname");
    const dir = mkdtempSync(join(temp, "client-"));
    for (const f of files) copyFileSync(f, join(dir, basename(f)));
    writeFileSync(join(dir, "scenario.json"), JSON.stringify(exported, null, 2));
    const cli = await cliMemo(join(dir, "scenario.json"), join(dir, "memo.md"), "--allow-missing");
    await page.goto(`${site.origin()}/memo.html`, { waitUntil: "networkidle" });
    const browser = await download(page, "md");
    expect(browser).toContain("Leaving Kaspersky: Your organisation");
    // The appendix lists every export read with its rows, and the one that was not.
    expect(browser).toMatch(/\| defender_tvm_portal\.csv \| [a-z-]+ \| [\d,]+ \| [\d,]+ \| \d+ \|/);
    expect(browser).toMatch(/One inventory export could not be read \(colours\.csv\)/);
    expect(browser).toMatch(/Could not be read: colours\.csv \(no known format/);
    // The SBOM's Kaspresso libraries are for review, named where the devices are counted.
    expect(browser).toMatch(/To review: (one device runs|[\d,]+ devices run) software that may be Kaspersky's/);
    expect(browser).toBe(cli);
    expect(report.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
