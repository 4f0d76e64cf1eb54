/**
 * On a 390 px phone and a 1,366 px laptop every page fits its width (wide tables scroll inside
 * themselves) and its charts draw without errors. A full-page screenshot of each is left in
 * .ci-out/screens/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const PAGES = ["/", "/inventory.html", "/regulation.html", "/exposure.html", "/cost.html", "/timeline.html", "/progress.html", "/scenarios.html", "/memo.html"];
/** What each page shows once its figures are in (the workers' results, the memo). */
const READY: Record<string, string> = {
  "/": '[data-figure="devices"]',
  "/inventory.html": '[data-figure="inventory-devices"]',
  "/regulation.html": '[data-figure="continued-use"]',
  "/exposure.html": '[data-status="model"]',
  "/cost.html": '[data-status="cost"]',
  "/timeline.html": '[data-status="timeline"]',
  "/progress.html": '[data-status="progress"]',
  "/scenarios.html": '[data-status="compare"]',
  "/memo.html": 'a[data-download="docx"]',
};

const SCREENS = ".ci-out/screens";
mkdirSync(SCREENS, { recursive: true });

describe.each([390, 1366])("at %i px wide", (width) => {
  for (const path of PAGES) {
    it(`${path} does not scroll sideways and logs no error`, async () => {
      const page = await site.context().newPage();
      const errors: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("pageerror", (e) => void errors.push(String(e)));
      await page.setViewportSize({ width, height: width < 600 ? 844 : 768 });
      await page.goto(`${site.origin()}${path}`, { waitUntil: "networkidle" });
      await page.locator("#observablehq-main h1").first().waitFor();
      // Let the workers' figures and the charts that follow them arrive.
      await page.locator(READY[path]!).first().waitFor({ timeout: 90_000 });
      await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // The banner says what the figures are for, and fits.
      const banner = await page.locator("[data-banner]").first().boundingBox();
      expect(banner && banner.x >= 0 && banner.x + banner.width <= width).toBe(true);
      await page.screenshot({ path: `${SCREENS}/${path.replace(/\W/g, "") || "index"}-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
  }
});
