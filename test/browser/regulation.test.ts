import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const count = async (page: import("playwright-core").Page, name: string) => Number(await page.locator(`[data-figure="${name}"]`).textContent());

describe("the Regulation page", () => {
  it("shows different obligations for a private company, a federal contractor and a German subsidiary", async () => {
    const { page, report } = await site.open("/regulation.html");
    await page.locator('[data-figure="applicable-events"]').waitFor();
    const select = page.getByLabel("Start from a preset");

    await select.selectOption({ label: "Private US company" });
    // No contract from the regulatory timeline binds a private company: the one contractual obligation is the scenario's own (its cyber insurance renewal).
    await expect.poll(() => count(page, "contractual")).toBe(1);
    expect(await page.locator('[data-figure="contractual"] + p').textContent()).toMatch(/scenario's own: Cyber insurance renewal/);
    expect(await page.locator('tr[data-event="KAS-2024-09-29-CUTOFF"]').first().textContent()).toContain("Continued use is not penalised");
    expect(await page.locator('tr[data-event="KAS-2024-09-29-CUTOFF"][data-class="technical"]').count()).toBe(1);

    await select.selectOption({ label: "US federal contractor" });
    await expect.poll(() => count(page, "contractual")).toBeGreaterThan(1);
    expect(await page.locator('tr[data-event="KAS-2018-07-16-FAR-EFF"]').textContent()).toContain("FAR 52.204-23");
    expect(await page.locator('li[data-deadline="contractual"]').count()).toBeGreaterThan(0);

    await select.selectOption({ label: "German subsidiary (not a US person)" });
    await expect.poll(() => count(page, "legal-prohibitions")).toBe(0);
    expect(await page.locator("tr[data-event]").count()).toBe(1);
    expect(await page.locator('tr[data-event="KAS-2022-03-15-BSI"]').textContent()).toContain("Advisory");

    await expect(page.locator('svg[aria-label="Regulatory timeline by jurisdiction"]').count()).resolves.toBe(1);
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });

  it("recomputes obligations when the profile is edited in place", async () => {
    const { page } = await site.open("/regulation.html");
    await page.locator('[data-figure="applicable-events"]').waitFor();
    await page.locator("select").first().selectOption({ label: "Private US company" });
    await expect.poll(() => count(page, "legal-prohibitions")).toBe(3);
    await page.getByLabel("Reseller, MSP or OEM of security products").check();
    await expect.poll(() => count(page, "legal-prohibitions")).toBeGreaterThan(3);
    await page.close();
  });
});
