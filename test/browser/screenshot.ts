/** Builds nothing: takes a screenshot of the built Overview page for the README (`npm run screenshot`). */
import { resolve } from "node:path";
import { launchChromium } from "../../loaders/browser/chromium.js";
import { serveStatic } from "./serve.js";

const site = await serveStatic(resolve("dist"));
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${site.origin}/index.html`, { waitUntil: "networkidle" });
  await page.locator('[data-figure="devices"]').waitFor();
  await page.locator('input[type="date"]').fill("2026-11-25");
  await page.locator('input[type="date"]').dispatchEvent("input");
  await page.waitForTimeout(300);
  const out = resolve(process.argv[2] ?? "docs/overview.png");
  await page.screenshot({ path: out });
  console.error(`wrote ${out}`);
} finally {
  await browser.close();
  await site.close();
}
