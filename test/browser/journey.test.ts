/**
 * One workbook, walked as a CISO would: drop real exports on Inventory, visit every page and the
 * memo, reload, then edit one input on each of Exposure, Cost, Timeline and Regulation and find
 * each edit in the memo. Then the privacy promise for both inventory settings.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dropExports, REAL_EXPORTS, useSite } from "./site.js";

const site = useSite();
const run = promisify(execFile);
/** What only the bundled sample shows: its organisation and its counts. */
const SAMPLE = ["Halvorsen", "4,001", "1,151"];
const n = (x: number) => x.toLocaleString("en-US");


const main = (page: Page) => page.locator("#observablehq-main").innerText();
const figure = async (page: Page, name: string) => (await page.locator(`[data-figure="${name}"]`).first().textContent())!.trim();

/** Navigates in the same tab (the inventory lives in this tab) and waits for the banner and the page's own status. */
async function visit(page: Page, path: string, ready: string) {
  await page.goto(`${site.origin()}${path}`, { waitUntil: "networkidle" });
  await page.locator("[data-banner]").first().waitFor();
  await page.locator(ready).first().waitFor({ timeout: 90_000 });
}

/** The memo's Markdown as the page offers it, once it is written for the current state. */
async function memo(page: Page, previous?: string): Promise<string> {
  const link = page.locator('[data-download="md"]');
  for (let attempt = 0; attempt < 120; attempt++) {
    const href = await link.getAttribute("href", { timeout: 90_000 });
    const text = await page.evaluate(async (h) => (await fetch(h!)).text(), href);
    if (text !== previous) return text;
    await page.waitForTimeout(500);
  }
  throw new Error("the memo did not change");
}

describe("one workbook: the user's exports and edits reach every page and the memo", () => {
  it("dropped exports are the organisation on every page and in the memo, through reloads, and the sample's figures appear nowhere", async () => {
    const cli = JSON.parse((await run("node", ["cli/offramp.js", "ingest", "--json", "--now", "2026-11-25T00:00:00Z", ...REAL_EXPORTS], { maxBuffer: 1 << 26 })).stdout);
    const { page, report } = await site.open("/inventory.html");
    await dropExports(page, REAL_EXPORTS);
    await expect.poll(() => figure(page, "inventory-devices")).toBe(n(cli.devices));
    await expect.poll(() => figure(page, "inventory-kaspersky-devices")).toBe(n(cli.kaspersky.devices));
    await expect.poll(() => page.locator("[data-banner]").innerText()).toContain("your exports (6 files");

    const pages: [string, string][] = [
      ["/", '[data-figure="devices"]'],
      ["/exposure.html", '[data-status="model"]'],
      ["/cost.html", '[data-status="cost"]'],
      ["/timeline.html", '[data-status="timeline"]'],
      ["/regulation.html", '[data-figure="continued-use"]'],
      ["/scenarios.html", '[data-status="compare"]'],
      ["/memo.html", '[data-download="md"]'],
      ["/inventory.html", '[data-figure="inventory-devices"]'],
    ];
    let frozen: string | null = null;
    for (const reload of [false, true]) {
      for (const [path, ready] of pages) {
        await visit(page, path, ready);
        if (reload) {
          await page.reload({ waitUntil: "networkidle" });
          await page.locator(ready).first().waitFor({ timeout: 90_000 });
        }
        await expect.poll(() => main(page)).toContain("your exports (6 files");
        const text = await main(page);
        expect(text, path).toContain("Modelling Your organisation");
        for (const s of SAMPLE) expect(text, `${path} shows the sample's "${s}"`).not.toContain(s);
        if (path === "/exposure.html") {
          await expect.poll(() => figure(page, "devices")).toBe(n(cli.devices));
          await expect.poll(() => figure(page, "kaspersky-devices")).toBe(n(cli.kaspersky.devices));
          await expect.poll(() => figure(page, "frozen-devices")).toMatch(/^\d/);
          frozen ??= await figure(page, "frozen-devices");
          expect(await figure(page, "frozen-devices")).toBe(frozen);
        }
        if (path === "/scenarios.html") for (const cell of await page.locator('td[data-figure="frozen-devices"]').allTextContents()) expect(cell.split(" ")[0]).toBe(frozen);
        if (path === "/memo.html") {
          const md = await memo(page);
          expect(md).toContain(`runs Kaspersky products on ${n(cli.kaspersky.devices)} of its ${n(cli.devices)} devices`);
          for (const s of SAMPLE) expect(md, `the memo shows the sample's "${s}"`).not.toContain(s);
        }
      }
    }
    expect(report.errors).toEqual([]);
    await page.close();
  }, 600_000);

  it("one edit on each of Exposure, Cost, Timeline and Regulation changes the memo accordingly, and Undo and Reset work (a new tab: the sample again)", async () => {
    const { page, report } = await site.open("/memo.html");
    const before = await memo(page);
    expect(before).toContain("Continued use is lawful");

    // Exposure: the baseline loss events a year, most likely.
    await visit(page, "/exposure.html", '[data-status="model"]');
    const baseline = page.locator('tr[data-assumption^="lef_baseline"] input').nth(1);
    const id = await page.locator('tr[data-assumption^="lef_baseline"]').getAttribute("data-assumption");
    await baseline.fill("0.2");
    await baseline.press("Tab");
    await expect.poll(() => page.locator("[data-banner-changes]").getAttribute("data-banner-changes")).toBe("1");
    // Cost: the quoted price of Defender for Endpoint Plan 2 (its high end).
    await visit(page, "/cost.html", '[data-status="cost"]');
    const price = page.locator('tr[data-assumption="mde-p2"] input');
    await price.last().fill("99");
    await price.last().press("Tab");
    await expect.poll(() => page.locator("[data-banner-changes]").getAttribute("data-banner-changes")).toBe("2");
    // Timeline: the team's capacity.
    await visit(page, "/timeline.html", '[data-status="timeline"]');
    const capacity = page.getByRole("spinbutton", { name: "Team capacity (devices a week, most likely)" });
    await capacity.fill("300");
    await capacity.dispatchEvent("input");
    await expect.poll(async () => Number(await page.locator("[data-banner-changes]").getAttribute("data-banner-changes"))).toBeGreaterThanOrEqual(3);
    // Regulation: a federal contractor.
    await visit(page, "/regulation.html", '[data-figure="continued-use"]');
    await page.getByLabel("US federal contractor (FAR 52.204-23)").check();
    await expect.poll(() => page.locator('[data-figure="continued-use"]').getAttribute("data-lawful")).toBe("no");

    const changes = await page.locator("[data-change]").allTextContents();
    expect(changes.join("\n")).toMatch(/most likely: [\d.]+ → 0\.2 /);
    expect(changes.join("\n")).toMatch(/Price of Microsoft .*: .* → 99 USD/);
    expect(changes.join("\n")).toMatch(/Capacity, most likely: \d+ → 300 devices a week/);
    expect(changes).toContain("US federal contractor: no → yes");

    await visit(page, "/memo.html", '[data-download="md"]');
    const after = await memo(page, before);
    expect(after).not.toContain("Continued use is lawful");
    expect(after).toMatch(/FAR 52\.204-23/);
    const ledger = (md: string, label: RegExp) => md.split("\n").find((line) => line.startsWith("|") && label.test(line));
    expect(ledger(after, /Price of Microsoft Defender for Endpoint Plan 2/)).toMatch(/\| 0 \/ 62\.4 \/ 99 \|.*\| yes \|$/);
    expect(ledger(after, /Plan: team capacity at full speed/)).toMatch(/\/ 300 \//);
    expect(after).toContain(`"id": "${id}"`);
    expect(after).not.toBe(before);

    // Undo brings back the lawful profile everywhere; Reset returns to the preset.
    const count = async () => Number(await page.locator("[data-banner-changes]").getAttribute("data-banner-changes"));
    const edits = await count();
    expect(edits).toBe(6); // baseline events (1), the price's high end (1), capacity low, most likely and high (3), federal contractor (1)
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(count).toBe(5);
    expect(await page.locator("[data-change]").allTextContents()).not.toContain("US federal contractor: no → yes");
    await page.getByRole("button", { name: /^Reset to/ }).click();
    await expect.poll(() => page.locator("[data-banner-changes]").getAttribute("data-banner-changes")).toBe("0");
    expect(report.errors).toEqual([]);
    await page.close();
  }, 600_000);
});

describe("privacy: what of a dropped inventory outlives the tab", () => {
  const stored = (page: Page) =>
    page.evaluate(async () => {
      const dbs = (await indexedDB.databases()).map((d) => d.name);
      let kept: string | null = null;
      if (dbs.includes("offramp")) {
        kept = await new Promise<string>((done) => {
          const open = indexedDB.open("offramp");
          open.onsuccess = () => {
            const tx = open.result.transaction("inventory", "readonly");
            const get = tx.objectStore("inventory").get("current");
            get.onsuccess = () => {
              done(JSON.stringify(get.result));
              open.result.close();
            };
          };
        });
      }
      return { local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])), session: Object.keys(sessionStorage).filter((k) => !k.startsWith("observablehq-")), dbs, kept };
    });

  it("by default, only this tab has the inventory: a new tab shows the sample, and nothing of it is in local storage or IndexedDB", async () => {
    const { page } = await site.open("/inventory.html");
    await dropExports(page, REAL_EXPORTS);
    const inTab = await stored(page);
    expect(inTab.session).toEqual(["offramp.inventory"]);
    expect(inTab.dbs).not.toContain("offramp");
    // The scenario in local storage names no export and holds no row.
    for (const value of Object.values(inTab.local)) for (const f of REAL_EXPORTS) expect(value).not.toContain(f.split("/").pop());
    await page.close();
    const next = await site.open("/inventory.html");
    await next.page.locator('[data-figure="inventory-devices"]').waitFor();
    await expect.poll(() => figure(next.page, "inventory-devices")).toBe("4,001");
    expect((await stored(next.page)).session).toEqual([]);
    await next.page.close();
  }, 180_000);

  it("'Keep on this device' keeps only the derived rows, never the files, until Forget", async () => {
    const { page } = await site.open("/inventory.html");
    await page.getByLabel("Keep on this device until I press Forget").check();
    await dropExports(page, REAL_EXPORTS);
    const kept = await stored(page);
    expect(kept.dbs).toContain("offramp");
    const record = JSON.parse(kept.kept!);
    expect(Object.keys(record).sort()).toEqual(["origin", "view"]);
    expect(Object.keys(record.view).sort()).toEqual(["installs", "kaspersky", "replacements", "rows", "sources"]);
    // Raw text of the files that no derived row carries is absent: header lines, an IP address, an install path.
    expect(kept.kept).not.toContain("Device ID,Device name");
    expect(kept.kept).not.toContain("10.20.1.15");
    expect(kept.kept).not.toContain("Program Files (x86)");
    await page.close();
    // Another tab, even after this one closed, models the kept rows.
    const next = await site.open("/exposure.html");
    await next.page.locator('[data-status="model"]').waitFor({ timeout: 90_000 });
    expect(await next.page.locator("[data-banner]").innerText()).toContain("kept on this device");
    await next.page.goto(`${site.origin()}/inventory.html`, { waitUntil: "networkidle" });
    await next.page.getByRole("button", { name: "Forget my inventory" }).click();
    await next.page.waitForLoadState("networkidle");
    await next.page.locator('[data-figure="inventory-devices"]').waitFor();
    await expect.poll(() => figure(next.page, "inventory-devices")).toBe("4,001");
    await expect.poll(async () => (await stored(next.page)).dbs).not.toContain("offramp");
    await next.page.close();
  }, 240_000);
});
