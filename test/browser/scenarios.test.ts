import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();

describe("the Scenarios page", () => {
  it("compares the four presets on one screen and states a recommendation with reasons", async () => {
    const { page, report } = await site.open("/scenarios.html");
    await page.locator('[data-status="compare"]').waitFor({ timeout: 60_000 });
    // The current scenario and the first three presets, ticked by default.
    await expect(page.locator("table.compare thead th[data-scenario]").count()).resolves.toBe(4);
    expect(await page.locator("table.compare thead th[data-scenario]").first().textContent()).toMatch(/^Current: /);
    const recommendation = page.locator("[data-recommendation]");
    await recommendation.waitFor();
    expect(await recommendation.locator("li").count()).toBeGreaterThan(0);
    expect(await recommendation.textContent()).toMatch(/lowest expected cost plus loss/);
    await expect(page.locator('svg[aria-label="Cost against risk for each scenario"]').count()).resolves.toBe(1);
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });

  it("refuses an invalid scenario file with a message naming each bad field, and opens a shared link", async () => {
    const { page } = await site.open("/scenarios.html");
    await page.locator('[data-status="compare"]').waitFor({ timeout: 60_000 });
    const bad = join(mkdtempSync(join(tmpdir(), "offramp-bad-")), "bad.json");
    writeFileSync(bad, JSON.stringify({ schemaVersion: 2, name: "", seed: -1 }));
    await page.locator('input[type="file"]').setInputFiles(bad);
    const error = page.locator('[data-import="error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/bad\.json is not valid[\s\S]*seed:/);
    // Import errors name the file and say what to do.
    expect(await error.textContent()).toMatch(/Nothing was imported\. Fix the fields named above in bad\.json/);
    // A link shared from another browser opens as the current scenario, ticked for comparison, and the one you had is one Undo away.
    await page.getByLabel("Save as").fill("Colleague's plan");
    await page.getByLabel("Save as").dispatchEvent("input");
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.locator('[data-status="copy"]').textContent()).toMatch(/Copied|selected/);
    const link = await page.locator('input[aria-label="Share link"]').inputValue();
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const other = await site.context().browser()!.newContext();
    const opened = await other.newPage();
    await opened.goto(link.replace(/^http:\/\/[^/]+/, site.origin()), { waitUntil: "networkidle" });
    await opened.locator("[data-arrived]").waitFor({ timeout: 30_000 });
    expect(await opened.locator("[data-arrived]").textContent()).toContain("Opened a shared scenario: Colleague's plan");
    await opened.locator('[data-status="compare"]').waitFor({ timeout: 90_000 });
    expect(await opened.locator("table.compare thead th[data-scenario]").first().textContent()).toBe("Current: Colleague's plan");
    await opened.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => opened.locator("[data-banner-scenario]").textContent()).not.toBe("Colleague's plan");
    await other.close();
    await page.close();
  });

  it("refuses a link that unpacks to a gigabyte (a deflate bomb) off the page's thread, says why, and keeps the workbook", async () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(300_000_000), { level: 9 })).toString("base64url");
    const { page, report } = await site.open(`/index.html#s=${bomb}`);
    const alert = page.locator(".workbook-banner__error");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/The link's scenario could not be read \(the link's scenario unpacks to more than 1 MB, which no scenario needs; it was not opened\); showing the workbook you had\./);
    // The page was drawn from the workbook it had: the sample's headline figures are on screen.
    await expect.poll(() => page.locator("[data-banner-scenario]").textContent()).toMatch(/\S/);
    expect(report.errors).toEqual([]);
    await page.close();
  });
});
