import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.js";
import { useSite } from "./site.js";

const PAGES = ["index", "inventory", "regulation", "exposure", "cost", "timeline", "progress", "scenarios", "memo"];

const site = useSite();
const { foreign } = site;
const open = (path: string) => site.open(path);

describe("every page of the built workbook", () => {
  for (const name of PAGES) {
    it(`${name} loads with no error, no failed request and no request to another host`, async () => {
      const before = foreign.length;
      const { page, report } = await open(`/${name}.html`);
      expect(report.errors).toEqual([]);
      expect(report.failedRequests).toEqual([]);
      expect(foreign.slice(before)).toEqual([]);
      await expect(page.locator(".observablehq--error").count()).resolves.toBe(0);
      await page.close();
    });
  }

  it("works from a sub-path, following the sidebar's links", async () => {
    const { page, report } = await open("/board/index.html");
    await page.locator("#observablehq-sidebar a", { hasText: "Inventory" }).click();
    await page.waitForURL(/\/board\/inventory\.html$/);
    await page.locator("#observablehq-main h1", { hasText: "Inventory" }).waitFor();
    await page.locator("table").first().waitFor();
    expect(report.errors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    await page.close();
  });
});

describe("accessibility", () => {
  for (const name of PAGES) {
    it(`${name} has no serious or critical axe-core violations once its figures are in`, async () => {
      const { page } = await open(`/${name}.html`);
      await page.waitForTimeout(2500); // results computed in workers arrive after load
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it("the Overview works from the keyboard: tab to the business unit and change it with the arrow keys", async () => {
    const { page } = await open("/index.html");
    const figure = page.locator('[data-figure="kaspersky-devices"]');
    const before = await figure.textContent();
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.tagName === "SELECT")); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => figure.textContent()).not.toBe(before);
    await page.close();
  });
});

describe("the origin guard", () => {
  it("stops a request to another host twice: the page's Content-Security-Policy refuses it, and the test's router would catch it", async () => {
    const { page } = await open("/index.html");
    const before = foreign.length;
    const refused = await page.evaluate(() => fetch("https://fonts.googleapis.com/css2?family=Test").then(() => false, () => true));
    expect(refused).toBe(true);
    expect(foreign.slice(before)).toEqual([]); // the policy stopped it before it reached the network layer
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // Without the policy (a blank page on the same origin), the router is the second line.
    await page.goto(`${site.origin()}/_file/../favicon-none`);
    await page.setContent("<p>no policy here</p>");
    await page.evaluate(() => fetch("https://fonts.googleapis.com/css2?family=Again").catch(() => null));
    expect(foreign.slice(before)).toEqual(["https://fonts.googleapis.com/css2?family=Again"]);
    await page.close();
  });
});

describe("the Overview page", () => {
  it("shows the sample organisation's headline figures", async () => {
    const { page } = await open("/index.html");
    const devices = page.locator('[data-figure="devices"]');
    await devices.waitFor();
    expect(Number((await devices.textContent())!.replaceAll(",", ""))).toBeGreaterThan(3500);
    const kaspersky = Number((await page.locator('[data-figure="kaspersky-devices"]').textContent())!.replaceAll(",", ""));
    expect(kaspersky).toBeGreaterThan(0);
    await expect(page.locator("svg[aria-label]").count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it("changes the Kaspersky count when a business unit is chosen", async () => {
    const { page } = await open("/index.html");
    const figure = page.locator('[data-figure="kaspersky-devices"]');
    const all = await figure.textContent();
    await page.locator("select").selectOption({ label: "Logistics" });
    await expect.poll(() => figure.textContent()).not.toBe(all);
    const devices = Number((await page.locator('[data-figure="devices"]').textContent())!.replaceAll(",", ""));
    expect(devices).toBeLessThan(3500);
    await page.close();
  });

  it("counts days since updates stopped up to the chosen date", async () => {
    const { page } = await open("/index.html");
    await page.locator('input[type="date"]').fill("2025-09-29");
    await page.locator('input[type="date"]').dispatchEvent("input");
    await expect.poll(() => page.locator('[data-figure="days-since-cutoff"]').textContent()).toBe("365");
    await page.close();
  });
});
