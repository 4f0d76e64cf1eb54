/**
 * The Inventory page reading a 1 GB Defender export in the browser's ingest worker, as a user
 * drops it: whole time to the result, and the peak resident memory of Chromium's renderer
 * processes (the page and its worker live there), sampled every half second. Needs the built
 * site (`npm run build`). Target (issue 16): the tab does not crash.
 */
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launchChromium } from "../loaders/browser/chromium.js";
import { serveStatic } from "../test/browser/serve.js";
import { writeDefenderCsv } from "./defender-csv.js";

/** The largest resident set among Chromium's renderer processes, in MB (Linux `ps`). */
function rendererMb(): number {
  const lines = execSync("ps -eo rss,args --no-headers").toString().split("\n");
  return Math.max(0, ...lines.filter((l) => l.includes("--type=renderer")).map((l) => Number(l.trim().split(/\s+/)[0]) / 1024));
}

export async function benchBrowserIngest(rows = 6_000_000): Promise<string[]> {
  if (!existsSync("dist/inventory.html")) return ["browser ingest: skipped (build the site first: npm run build)"];
  const dir = mkdtempSync(join(tmpdir(), "offramp-bench-browser-"));
  const file = join(dir, "defender.csv");
  const { bytes } = await writeDefenderCsv(file, rows);
  const site = await serveStatic(resolve("dist"));
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/inventory.html`, { waitUntil: "networkidle" });
    const start = performance.now();
    await page.locator(".drop-zone input[type=file]").setInputFiles(file);
    let peak = 0;
    while ((await page.locator('[data-status="done"], [data-status="error"]').count()) === 0) {
      peak = Math.max(peak, rendererMb());
      await page.waitForTimeout(500);
    }
    const seconds = (performance.now() - start) / 1000;
    const status = (await page.locator("[data-status]").first().textContent()) ?? "";
    return [
      `browser ingest: a ${(bytes / 1048576).toFixed(0)} MB Defender export (${rows.toLocaleString("en-US")} rows) dropped on the Inventory page`,
      `  ${seconds.toFixed(1)} s to the result, peak renderer RSS ${peak.toFixed(0)} MB; ${status.includes("Read 1 file") ? "read without the tab crashing" : `did not finish: ${status.slice(0, 200)}`}`,
    ];
  } finally {
    await browser.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
