import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
/** The probability in the deadline's outlook ("at risk (P 62.0% ± 0.5%)", "met (P 95.0%)"). */
const percent = (text: string | null) => Number(/(\d+(?:\.\d+)?)%/.exec(text ?? "")?.[1]);

describe("the Timeline page", () => {
  it("answers P(done by our deadline) and the capacity for 90%, and more capacity raises the probability", async () => {
    const { page, report } = await site.open("/timeline.html");
    const status = page.locator('[data-status="timeline"]', { hasText: "20,000 trials" });
    await status.waitFor({ timeout: 30_000 });
    const deadline = page.getByLabel("Board target: Kaspersky gone");
    await deadline.fill("2027-06-30");
    await deadline.dispatchEvent("input");
    const p = page.locator('[data-figure="p-internal"]');
    await expect.poll(async () => percent(await p.textContent()), { timeout: 20_000 }).toBeGreaterThan(20);
    const before = percent(await p.textContent());
    await expect.poll(async () => await page.locator('[data-figure="capacity-90"]').textContent(), { timeout: 20_000 }).toMatch(/^\d+\/week$/);
    const capacity = page.getByRole("spinbutton", { name: "Team capacity (devices a week, most likely)" });
    await capacity.fill("300");
    await capacity.dispatchEvent("input");
    await expect.poll(async () => percent(await p.textContent()), { timeout: 20_000 }).toBeGreaterThan(before + 10);
    // The scenario's own contract deadline moves here too, and the banner says so in words.
    const contract = page.getByLabel("Cyber insurance renewal (contract)");
    await contract.fill("2027-09-30");
    await contract.dispatchEvent("input");
    await expect.poll(() => page.locator("[data-change]").allTextContents()).toContain("Cyber insurance renewal: 2027-06-30 → 2027-09-30");
    await expect.poll(() => page.locator('tr[data-deadline="insurance-renewal"] td').first().textContent()).toBe("2027-09-30");
    await expect(page.locator('svg[aria-label="Burn-down of devices still on Kaspersky"]').count()).resolves.toBe(1);
    await expect(page.locator('svg[aria-label="Gantt chart of the migration with uncertainty"]').count()).resolves.toBe(1);
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });
});
