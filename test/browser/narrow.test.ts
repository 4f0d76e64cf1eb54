/** On a 390 px phone every page fits its width (wide tables scroll inside themselves) and its charts draw without errors. */
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const PAGES = ["/", "/inventory.html", "/regulation.html", "/exposure.html", "/cost.html", "/timeline.html", "/scenarios.html", "/memo.html"];

describe("at 390 px wide", () => {
  for (const path of PAGES) {
    it(`${path} does not scroll sideways and logs no error`, async () => {
      const page = await site.context().newPage();
      const errors: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("pageerror", (e) => void errors.push(String(e)));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${site.origin()}${path}`, { waitUntil: "networkidle" });
      await page.locator("#observablehq-main h1").first().waitFor();
      // Let the workers' figures and the charts that follow them arrive.
      await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
  }
});
