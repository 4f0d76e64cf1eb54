/** A memo written in the browser says what `offramp memo` says for the same scenario and comparison. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-memo-browser-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
/** The memo without its charts' images (the browser and Node draw the same chart with different SVG markup). */
const text = (md: string) => md.replace(/\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/g, "(chart)");

describe("a memo written in the browser", () => {
  it("is the memo offramp memo writes for the same scenario and comparison, content hash included", async () => {
    const dir = "data/scenarios/presets";
    await run("node", ["loaders/cli/offramp.js", "memo", "--scenario", "data/scenarios/sample-organisation.json", "--compare", `${dir}/accept-and-isolate.json`, "--compare", `${dir}/phased-by-criticality.json`, "--format", "md", "--out", join(temp, "cli.md")], { maxBuffer: 1 << 26 });
    const cli = readFileSync(join(temp, "cli.md"), "utf8");
    const { page, report } = await site.open("/memo.html");
    const link = page.locator('[data-download="md"]');
    await link.waitFor({ timeout: 90_000 });
    const browser = await page.evaluate(async (href) => (await fetch(href)).text(), (await link.getAttribute("href"))!);
    expect(text(browser)).toBe(text(cli));
    expect(report.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
