/**
 * The Progress page on the sample organisation's three monthly snapshots: what it shows, that it
 * fits a phone, and that its figures are `offramp track --json`'s for the same scenario and
 * snapshots.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { capacityText, deadlineForecastText, type Reforecast } from "../../src/lib/progress/reforecast.js";
import { dropExports, REAL_EXPORTS, useSite } from "./site.js";

const site = useSite();
const DATES = ["2027-02-15", "2027-03-15", "2027-04-15"];

interface TrackJson {
  snapshots: { date: string; kasperskyDevices: number; devices: number; migrated: string[]; migratedWithReplacement: number; cameBack: string[]; new: string[]; missing: string[]; byWave: { id: string; label: string; baseline: number; remaining: number; done: number }[]; standing: string | null }[];
  plan: { band: ({ p10: number; p50: number; p90: number } | null)[] };
  forecast: Reforecast;
}

let cli: TrackJson;
beforeAll(async () => {
  const args = ["cli/offramp.js", "track", "--scenario", "data/scenarios/sample-organisation.json", ...DATES.flatMap((d) => ["--snapshot", `${d}=data/sample/snapshots/${d}`]), "--json"];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 << 20 });
  cli = JSON.parse(stdout) as TrackJson;
}, 120_000);

const n = (x: number) => Math.round(x).toLocaleString("en-US");

async function openProgress(width?: number): Promise<{ page: Page; errors: string[] }> {
  const page = await site.context().newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("pageerror", (e) => void errors.push(String(e)));
  if (width) await page.setViewportSize({ width, height: width < 600 ? 844 : 768 });
  await page.goto(`${site.origin()}/progress.html`, { waitUntil: "networkidle" });
  // The quick run first, then the scenario's own trials: the figures compared are the full run's.
  await page.locator('[data-status="progress"][data-trials="20000"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, { timeout: 30_000 });
  return { page, errors };
}

describe("the Progress page", () => {
  it("shows the three snapshots, the latest count, the standing, the re-forecast, the waves and the lists", async () => {
    const { page, errors } = await openProgress();
    // The scenario's own inventory first, then the three snapshots.
    expect(await page.locator("tr[data-snapshot]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-snapshot")))).toEqual(["2026-11-25", ...DATES]);
    expect(await page.locator('tr[data-snapshot="2027-04-15"] [data-figure="kaspersky-devices"]').textContent()).toBe("673");
    const standing = await page.locator('[data-figure="standing"]').textContent();
    expect(standing).toMatch(/^(Within the plan's range, (behind|ahead of|on) its median|Ahead of the plan|Behind the plan): 673 Kaspersky devices left on 2027-04-15; the plan expected/);
    expect(await page.locator('[data-figure="completion-p50"]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('[data-figure="completion-p80"]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator("tr[data-wave]").count()).toBeGreaterThan(3);
    const cameBack = page.locator('[data-lists="2027-04-15"] [data-list="came-back"]');
    await expect(cameBack.locator("[data-host]").allTextContents()).resolves.toContain("chi-srv-0024");
    // The list downloads as CSV through the formula-neutralising helper.
    const href = await cameBack.locator("a[data-download]").getAttribute("href");
    const csv = await page.evaluate((url) => fetch(url!).then((r) => r.text()), href);
    expect(csv.split("\n")[0]).toBe("snapshot,hostname,businessUnit,wave");
    expect(csv).toContain("2027-04-15,chi-srv-0024,");
    await expect(page.locator('svg[aria-label="Devices still on Kaspersky: the plan and the snapshots"]').count()).resolves.toBe(1);
    // The chart draws the band, the median and one point per snapshot.
    await expect(page.locator('svg[aria-label="Devices still on Kaspersky: the plan and the snapshots"] circle').count()).resolves.toBe(4);
    await expect(page.locator(".observablehq--error").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  });

  it("shows the figures `offramp track --json` prints for the same scenario and snapshots", async () => {
    const { page } = await openProgress();
    expect(cli.snapshots.map((s) => s.date)).toEqual(["2026-11-25", ...DATES]);
    for (const [i, s] of cli.snapshots.entries()) {
      const cells = await page.locator(`tr[data-snapshot="${s.date}"] td`).allTextContents();
      const band = cli.plan.band[i]!;
      const migrated = i === 0 ? n(s.migrated.length) : `${n(s.migrated.length)}${n(s.migratedWithReplacement)} with a replacement seen`;
      expect(cells.slice(1)).toEqual([n(s.kasperskyDevices), n(s.devices), migrated, n(s.cameBack.length), n(s.new.length), n(s.missing.length), `${n(band.p10)}–${n(band.p90)} (${n(band.p50)})`, s.standing]);
      if (i === 0) continue;
      for (const [list, hosts] of [["came-back", s.cameBack], ["new", s.new], ["missing", s.missing]] as const) {
        expect(await page.locator(`[data-lists="${s.date}"] [data-list="${list}"] [data-host]`).allTextContents()).toEqual(hosts.slice(0, 40));
      }
    }
    const latest = cli.snapshots[cli.snapshots.length - 1]!;
    const waves = latest.byWave.filter((w) => w.baseline > 0 || w.remaining > 0);
    expect(await page.locator("tr[data-wave]").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)))).toEqual(
      waves.map((w) => [w.label, n(w.baseline), n(w.remaining), `${(w.done * 100).toFixed(0)}%`]),
    );
    const f = cli.forecast;
    expect(await page.locator('[data-figure="completion-p50"]').textContent()).toBe(f.completion.p50);
    expect(await page.locator('[data-figure="completion-p80"]').textContent()).toBe(f.completion.p80);
    expect(await page.locator('[data-figure="p-meet"]').allTextContents()).toEqual(f.deadlines.map(deadlineForecastText));
    expect(f.capacityFor80?.capacityPerWeek).toBeTypeOf("number");
    expect(await page.locator('[data-figure="capacity-80"]').textContent()).toBe(`${n(f.capacityFor80!.capacityPerWeek!)}/week`);
    expect(f.started).toBe(true);
    expect(await page.locator('[data-figure="capacity-update"]').textContent()).toBe(`${n(f.capacity.priorMean)} → ${n(f.capacity.posteriorMean)}/week`);
    expect(await page.locator(".progress-cards").textContent()).toContain(capacityText(f));
    await page.close();
  });

  it("adds a snapshot dropped with its date, keeps it across a reload in this tab, and forgets it", async () => {
    const { page, errors } = await openProgress();
    // All five exports: the appliance's SBOM is read for its host, as the scenario reads it.
    const files = ["cmdb-assets.csv", "defender-tvm-software-inventory.csv", "ksc-devices.csv", "mail-gateway.cdx.json", "mecm-add-remove-programs.csv"].map((f) => resolve("data/sample/snapshots/2027-04-15", f));
    // Without a date: refused, nothing added.
    await page.locator(".drop-zone input[type=file]").setInputFiles(files);
    await page.getByRole("button", { name: "Add the snapshot" }).click();
    await expect(page.locator('[data-status="refused"]').textContent()).resolves.toMatch(/Choose the day the exports were taken/);
    await page.getByLabel("Exports taken on").fill("2027-05-14");
    await page.getByRole("button", { name: "Add the snapshot" }).click();
    await page.locator('[data-status="added"]').waitFor({ timeout: 60_000 });
    await page.locator('tr[data-snapshot="2027-05-14"]').waitFor({ timeout: 60_000 });
    // The same exports a month later: the same count, nothing migrated since, the re-forecast from the new date.
    expect(await page.locator('tr[data-snapshot="2027-05-14"] [data-figure="kaspersky-devices"]').textContent()).toBe("673");
    await page.locator('[data-status="progress"][data-trials="20000"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-status="progress"]').textContent()).resolves.toMatch(/^Re-forecast from 2027-05-14/);
    expect(await page.locator("tr[data-yours]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-yours")))).toEqual(["2027-05-14"]);
    // Only derived rows are stored, in this tab's session storage: never a file's text.
    const stored = await page.evaluate(() => sessionStorage.getItem("offramp.snapshots") ?? "");
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).not.toContain("DeviceId,DeviceName");
    await page.reload({ waitUntil: "networkidle" });
    await page.locator('tr[data-snapshot="2027-05-14"]').waitFor({ timeout: 60_000 });
    await page.locator("button[data-forget-snapshots]").click();
    await page.locator('tr[data-snapshot="2027-05-14"]').waitFor({ state: "detached", timeout: 60_000 });
    expect(await page.evaluate(() => sessionStorage.getItem("offramp.snapshots"))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("forgets snapshots added for the sample when your own exports replace it, and says so", async () => {
    const { page, errors } = await openProgress();
    const files = ["cmdb-assets.csv", "defender-tvm-software-inventory.csv"].map((f) => resolve("data/sample/snapshots/2027-04-15", f));
    await page.getByLabel("Exports taken on").fill("2027-05-14");
    await page.locator(".drop-zone input[type=file]").setInputFiles(files);
    await page.getByRole("button", { name: "Add the snapshot" }).click();
    await page.locator('[data-status="added"]').waitFor({ timeout: 60_000 });
    // The same tab: your exports on the Inventory page.
    await page.goto(`${site.origin()}/inventory.html`, { waitUntil: "networkidle" });
    await dropExports(page, REAL_EXPORTS.slice(0, 2));
    await expect(page.locator("body").textContent()).resolves.toContain("The snapshots added on the Progress page were of the inventory before, so they were forgotten.");
    await page.goto(`${site.origin()}/progress.html`, { waitUntil: "networkidle" });
    await page.locator('[data-status="no-snapshots"]').waitFor({ timeout: 60_000 });
    expect(await page.locator("tr[data-yours]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fits a 390 px phone: nothing wider than the viewport, no error", async () => {
    const { page, errors } = await openProgress(390);
    await page.locator('svg[aria-label="Devices still on Kaspersky: the plan and the snapshots"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Wide tables and the command's code block scroll inside themselves; nothing else sticks out.
    const wider = await page.evaluate(() => {
      const scrolledInside = (e: Element) => {
        for (let a = e.parentElement; a; a = a.parentElement) if (["auto", "scroll", "hidden"].includes(getComputedStyle(a).overflowX)) return true;
        return false;
      };
      return [...document.querySelectorAll("#observablehq-main *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolledInside(e))
        .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? "").slice(0, 40)}`);
    });
    expect(wider).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
