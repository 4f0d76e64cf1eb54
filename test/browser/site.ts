/**
 * For a browser test file: serves dist/ on 127.0.0.1, starts Chromium, and blocks (and records)
 * every request to another host. Call at the top of the file.
 */
import { resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../loaders/browser/chromium.js";
import { serveStatic, type StaticSite } from "./serve.js";
import { guardOrigin, watchPage, type PageReport } from "./watch.js";

/** Real exports of six formats, as a CISO would drop them on the Inventory page. */
export const REAL_EXPORTS = ["defender_tvm_portal.csv", "ksc_devices_semicolon_de.csv", "mecm_installed_software.csv", "osquery_programs.jsonl", "intune_discovered_apps.csv", "cyclonedx.json"].map((f) => resolve("test/fixtures/ingest", f));

/** Drops files on the Inventory page's drop zone and waits until they are read. */
export async function dropExports(page: Page, files: string[]): Promise<void> {
  await page.locator(".drop-zone input[type=file]").setInputFiles(files);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
}

export interface SiteUnderTest {
  origin: () => string;
  context: () => BrowserContext;
  /** Requests to other hosts, all aborted; tests compare slices before and after. */
  foreign: string[];
  /** Opens a path and waits until Framework has rendered the page's heading. */
  open(path: string): Promise<{ page: Page; report: PageReport }>;
}

export function useSite(): SiteUnderTest {
  let site: StaticSite;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const foreign: string[] = [];
  beforeAll(async () => {
    site = await serveStatic(resolve("dist"));
    browser = await launchChromium();
    await guardOrigin(browser.context, site.origin, foreign);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    origin: () => site.origin,
    context: () => browser.context,
    foreign,
    async open(path) {
      const page = await browser.context.newPage();
      const report = watchPage(page, site.origin);
      await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
      await page.locator("#observablehq-main h1").first().waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      return { page, report };
    },
  };
}
