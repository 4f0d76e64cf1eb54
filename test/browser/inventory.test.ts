import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { writeDefenderCsv } from "../../bench/defender-csv.js";
import { useSite } from "./site.js";

const site = useSite();
const { foreign } = site;
const temp = mkdtempSync(join(tmpdir(), "offramp-drop-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function inventoryPage() {
  const opened = await site.open("/inventory.html");
  await opened.page.locator('[data-figure="inventory-devices"]').waitFor();
  return opened;
}

const figure = async (page: Page, name: string) => Number((await page.locator(`[data-figure="${name}"]`).textContent())!.replaceAll(",", ""));

describe("the Inventory page", () => {
  it("shows the sample organisation's sources and counts before anything is dropped", async () => {
    const { page, report } = await inventoryPage();
    expect(await figure(page, "inventory-devices")).toBe(4001);
    await expect(page.locator("table.sources tbody tr").count()).resolves.toBe(5);
    expect(await page.locator('tr[data-source="exports/ksc-devices.csv"]').textContent()).toContain("tab");
    // The sample runs nothing the catalog cannot decide on: the review list says so.
    expect(await page.locator('[data-review="0"]').textContent()).toMatch(/^None: every Kaspersky product found is either covered/);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  it("reads dropped exports in the browser, lists rejected rows by line and column, and sends nothing anywhere", async () => {
    const before = foreign.length;
    const { page, report } = await inventoryPage();
    const bad = join(temp, "mecm-with-a-bad-row.csv");
    writeFileSync(bad, "ResourceID,Name0,DisplayName0,Version0,Publisher0,InstallDate0\n1,PC1,Kaspersky Endpoint Security for Windows,12.1,AO Kaspersky Lab,2024-13-45\n2,PC2,Kaspersky Endpoint Security for Windows,12.1,AO Kaspersky Lab,20240101\n");
    await page.locator(".drop-zone input[type=file]").setInputFiles([resolve("data/sample/exports/ksc-devices.csv"), bad]);
    await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await figure(page, "inventory-devices")).toBe(1117);
    expect(await figure(page, "inventory-kaspersky-devices")).toBe(1117);
    const row = page.locator('tr[data-source="mecm-with-a-bad-row.csv"]');
    expect(await row.textContent()).toContain("mecm-arp");
    await row.locator("summary").click();
    expect(await row.locator("li").first().textContent()).toBe('line 2, column "InstallDate0": unreadable install date "2024-13-45"');
    expect(report.errors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(foreign.slice(before)).toEqual([]);
    await page.close();
  });

  it("shows hostile host and product names as text, never as markup or script", async () => {
    const { page, report } = await inventoryPage();
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const hostile = join(temp, "hostile.csv");
    writeFileSync(hostile, 'Hostname,Business Unit,Software\n"<img src=x onerror=alert(1)>",<b>Finance</b>,Kaspersky Endpoint Security for Windows\n"pc-2<script>alert(2)</script>",Ops,<svg onload=alert(3)>\n');
    await page.locator(".drop-zone input[type=file]").setInputFiles(hostile);
    await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
    await page.locator("input[type=radio]").first().check();
    await expect.poll(() => page.locator("body").textContent()).toContain("<b>Finance</b>");
    // The CSV export neutralises values a spreadsheet would run as formulas.
    const csv = await page.evaluate(async () => (await fetch((document.querySelector('[data-download="csv"]') as HTMLAnchorElement).href)).text());
    expect(csv, csv).toContain("<img src=x onerror=alert(1)>");
    expect(csv.split("\n").every((line) => !/^[=+\-@]/.test(line))).toBe(true);
    // Nothing of the dropped files outlives the tab: the derived rows are in this tab's session storage only, and the scenario in local storage names no file and no host.
    const kept = await page.evaluate(async () => ({ local: Object.keys(localStorage), workbook: localStorage.getItem("offramp.workbook") ?? "", session: Object.keys(sessionStorage).filter((k) => !k.startsWith("observablehq-")), databases: (await indexedDB.databases()).length, caches: (await caches.keys()).length }));
    expect({ ...kept, workbook: undefined }).toEqual({ local: ["offramp.workbook"], workbook: undefined, session: ["offramp.inventory"], databases: 0, caches: 0 });
    expect(kept.workbook).not.toMatch(/onerror|<script|\.csv/);
    await expect(page.locator("#observablehq-main b", { hasText: "Finance" }).count()).resolves.toBe(0);
    await expect(page.locator("#observablehq-main img[src=x]").count()).resolves.toBe(0);
    expect(dialogs).toBe(0);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  it("reads a 100 MB export without freezing the page", async () => {
    const big = join(temp, "defender-100mb.csv");
    const { bytes } = await writeDefenderCsv(big, 600_000);
    expect(bytes).toBeGreaterThan(95 * 1024 * 1024);
    const { page, report } = await inventoryPage();
    // Record the longest gap between timer ticks on the page's main thread while the worker reads.
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; last: number };
      w.maxGap = 0;
      w.last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - w.last);
        w.last = now;
      }, 20);
    });
    await page.locator(".drop-zone input[type=file]").setInputFiles(big);
    await page.locator('[role="status"] progress').waitFor({ timeout: 30_000 });
    // Sample the longest gap until the result arrives (rendering the result comes after).
    let gapWhileReading = 0;
    let progressSeen = 0;
    while ((await page.locator('[data-status="done"]').count()) === 0) {
      gapWhileReading = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
      progressSeen += (await page.locator('[role="status"] progress').count()) > 0 ? 1 : 0;
      await page.waitForTimeout(100);
    }
    expect(progressSeen).toBeGreaterThan(2);
    expect(await figure(page, "inventory-devices")).toBe(24_000);
    expect(await figure(page, "inventory-kaspersky-devices")).toBeGreaterThan(4000);
    expect(gapWhileReading).toBeLessThan(250);
    expect(report.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
