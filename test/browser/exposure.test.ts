import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const money = (text: string | null) => Number(text!.replace(/[$,]/g, ""));

describe("the Exposure page", () => {
  it("shows expected loss with its standard error, and recomputes when an assumption is edited", async () => {
    const { page, report } = await site.open("/exposure.html");
    const eal = page.locator('[data-figure="loss-doing-nothing"]');
    await page.locator('[data-status="model"]', { hasText: "20,000 trials" }).waitFor({ timeout: 30_000 });
    const before = money(await eal.textContent());
    expect(before).toBeGreaterThan(0);
    expect(await eal.locator("xpath=..").textContent()).toMatch(/± \$[\d,]+ Monte Carlo SE/);
    // Raise the baseline loss-event frequency: expected loss must rise.
    const row = page.locator('tr[data-assumption="lef_baseline_midsize"]');
    await row.locator("input").nth(2).fill("0.9");
    await row.locator("input").nth(2).press("Tab");
    await row.locator("input").nth(1).fill("0.5");
    await row.locator("input").nth(1).press("Tab");
    await expect.poll(async () => money(await eal.textContent()), { timeout: 20_000 }).toBeGreaterThan(before * 2);
    expect(await row.locator(".changed").isHidden()).toBe(false);
    expect(await page.locator("[data-refine]").count()).toBe(2);
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });

  it("marks an edit that breaks low <= most likely <= high and ignores it", async () => {
    const { page } = await site.open("/exposure.html");
    await page.locator('[data-status="model"]', { hasText: "20,000 trials" }).waitFor({ timeout: 30_000 });
    const row = page.locator('tr[data-assumption="s_endpoint_malware_share"]');
    const changes = await page.locator("[data-banner-changes]").getAttribute("data-banner-changes");
    await row.locator("input").first().fill("0.9");
    await expect.poll(() => row.getAttribute("class")).toContain("invalid");
    // It says why, and nothing is taken: the banner counts no new change even after leaving the field.
    expect(await row.locator(".problem").textContent()).toMatch(/Not used: low ≤ most likely ≤ high is needed/);
    await row.locator("input").first().press("Tab");
    await page.waitForTimeout(500);
    expect(await page.locator("[data-banner-changes]").getAttribute("data-banner-changes")).toBe(changes);
    await page.close();
  });
});
