import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const money = (text: string | null) => Number(text!.replace(/[$,]/g, ""));

describe("the Cost page", () => {
  it("shows every option with P10/P50/P90 and re-prices when a price is edited", async () => {
    const { page, report } = await site.open("/cost.html");
    await page.locator('[data-status="cost"]', { hasText: "20,000 trials" }).waitFor({ timeout: 30_000 });
    for (const id of ["defender-everywhere", "one-edr-everywhere", "mixed-by-segment", "keep-kaspersky"]) await page.locator(`tr[data-option="${id}"]`).waitFor();
    const p50 = page.locator('tr[data-option="one-edr-everywhere"] [data-figure="p50"]');
    const before = money(await p50.textContent());
    expect(before).toBeGreaterThan(100_000);
    // Keeping Kaspersky is not free: its devices carry compensating controls for the whole horizon.
    expect(money(await page.locator('tr[data-option="keep-kaspersky"] [data-figure="p50"]').textContent())).toBeGreaterThan(0);
    expect(await page.locator('td[data-pair="mixed-by-segment<one-edr-everywhere"]').textContent()).toMatch(/%$/);
    // Halve CrowdStrike's price: its option must get cheaper.
    const row = page.locator('tr[data-assumption="falcon-enterprise"]');
    await row.locator("input").first().fill("92.5");
    await row.locator("input").first().press("Tab");
    await expect.poll(async () => money(await p50.textContent()), { timeout: 20_000 }).toBeLessThan(before * 0.8);
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });
});
