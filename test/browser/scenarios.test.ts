import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();

describe("the Scenarios page", () => {
  it("compares the four presets on one screen and states a recommendation with reasons", async () => {
    const { page, report } = await site.open("/scenarios.html");
    await page.locator('[data-status="compare"]').waitFor({ timeout: 60_000 });
    await expect(page.locator("table.compare thead th[data-scenario]").count()).resolves.toBe(4);
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
    const link = await page.locator('input[aria-label="Share link"]').inputValue();
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    await page.goto(link.replace(/^http:\/\/[^/]+/, site.origin));
    await page.reload();
    await page.locator("text=Opened a shared scenario").waitFor({ timeout: 30_000 });
    await page.close();
  });
});
