import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();

describe("the Memo page", () => {
  it("writes the memo in the browser, offers Markdown, HTML and DOCX downloads, and presents slides with keyboard navigation", async () => {
    const { page, report } = await site.open("/memo.html");
    await page.locator('[data-download="docx"]').waitFor({ timeout: 60_000 });
    for (const kind of ["md", "html", "docx"]) expect(await page.locator(`[data-download="${kind}"]`).getAttribute("href")).toMatch(/^blob:/);
    const preview = page.frameLocator("iframe.memo-preview");
    await expect(preview.locator("h2", { hasText: "Executive summary" }).count()).resolves.toBe(1);
    await expect(preview.locator("figure svg").count()).resolves.toBeGreaterThan(0);
    // A narrative paragraph appears in the memo, as text.
    await page.locator("textarea").fill("Renewal talks start in January. <b>not bold</b>");
    await page.getByRole("button", { name: "Put in the memo" }).click();
    await expect.poll(() => page.locator('[data-status="narrative"]').textContent()).toMatch(/are in the memo below and saved with the current scenario/);
    await expect.poll(() => preview.locator("section p", { hasText: "Renewal talks start in January." }).count(), { timeout: 30_000 }).toBe(1);
    await expect(preview.locator("section b").count()).resolves.toBe(0);
    await page.locator("button", { hasText: "Present" }).click();
    const deck = page.locator(".present");
    await deck.waitFor();
    expect(await deck.locator("h1").textContent()).toBe("Where Kaspersky runs");
    expect(await deck.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    // Readable on a projector: the heading and the figure stand out from the deck's background (WCAG AAA, 7:1).
    const contrast = (selector: string) =>
      deck.evaluate((el, sel) => {
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const fg = lum(rgb(getComputedStyle(el.querySelector(sel)!).color));
        const bg = lum(rgb(getComputedStyle(el).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      }, selector);
    expect(await contrast("h1")).toBeGreaterThanOrEqual(7);
    expect(await contrast(".present-figure")).toBeGreaterThanOrEqual(7);
    expect(await deck.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(await page.evaluate(() => window.innerHeight - 1));
    await page.keyboard.press("ArrowRight");
    expect(await deck.locator("h1").textContent()).toBe("By business unit");
    await page.keyboard.press("Escape");
    await expect(page.locator(".present").count()).resolves.toBe(0);
    // Focus goes back to the button that opened the deck.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Present");
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });
});
