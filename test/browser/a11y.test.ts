import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const PAGES = ["index", "inventory", "regulation", "exposure", "cost", "timeline", "scenarios", "memo"];

const site = useSite();

describe("the skip link", () => {
  for (const name of PAGES) {
    it(`${name}: the first Tab reaches "Skip to content", shown on focus, and Enter moves focus into the page's main content`, async () => {
      const { page } = await site.open(`/${name}.html`);
      const link = page.locator("#skip-to-content");
      const url = page.url();
      const viewport = page.viewportSize()!;
      // Hidden until focused: above the top of the window.
      const hidden = (await link.boundingBox())!;
      expect(hidden.y + hidden.height).toBeLessThanOrEqual(0);

      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent }))).toEqual({ id: "skip-to-content", text: "Skip to content" });
      // Shown in the window, big enough to read, and nothing on top of it.
      await expect.poll(async () => (await link.boundingBox())!.y, { timeout: 2_000 }).toBeGreaterThanOrEqual(0);
      const shown = (await link.boundingBox())!;
      expect(shown.width).toBeGreaterThan(60);
      expect(shown.height).toBeGreaterThan(16);
      expect(shown.x + shown.width).toBeLessThanOrEqual(viewport.width);
      expect(shown.y + shown.height).toBeLessThanOrEqual(viewport.height);
      const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("#skip-to-content") !== null, { x: shown.x + shown.width / 2, y: shown.y + shown.height / 2 });
      expect(onTop).toBe(true);

      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.getElementById("observablehq-main")?.contains(document.activeElement) ?? false), { timeout: 2_000 }).toBe(true);
      // The fragment is left alone (the Scenarios page keeps a shared scenario there), and the link hides again.
      expect(page.url()).toBe(url);
      const after = (await link.boundingBox())!;
      expect(after.y + after.height).toBeLessThanOrEqual(0);
      // The next Tab goes on into the page's own controls (the workbook banner's first), not back to the sidebar.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.getElementById("observablehq-main")?.contains(document.activeElement) ?? false)).toBe(true);
      await page.close();
    });
  }
});
