/**
 * A figure with the same name is the same number everywhere: Overview, Exposure, Cost, Timeline, Scenarios,
 * `offramp summary` and `offramp model --json` (the memo prints from the same evaluation; its
 * CLI test checks the memo against `offramp model`).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const run = promisify(execFile);
const cli = async (...args: string[]) => JSON.parse((await run("node", ["cli/offramp.js", ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout);
const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
const n = (x: number) => x.toLocaleString("en-US");

describe("the same-named figure is equal on every page and in the CLI", () => {
  it("sample organisation: Overview, Exposure, offramp summary and offramp model agree", async () => {
    const [summary, model] = await Promise.all([cli("summary", "--json"), cli("model", "--scenario", "data/scenarios/sample-organisation.json", "--json")]);
    const e = model.evaluation;
    expect(summary.frozenDevices).toBe(e.counts.frozenDevices);
    expect(summary.kasperskyDevices).toBe(e.counts.kasperskyDevices);

    const overview = await site.open("/");
    const text = (page: typeof overview.page, name: string) => page.locator(`[data-figure="${name}"]`).first().textContent();
    expect(await text(overview.page, "devices")).toBe(n(e.counts.devices));
    expect(await text(overview.page, "kaspersky-devices")).toBe(n(e.counts.kasperskyDevices));
    expect(await text(overview.page, "frozen-devices")).toBe(n(e.counts.frozenDevices));
    expect(await text(overview.page, "assumed-frozen")).toBe(n(e.counts.assumedFrozen));
    await overview.page.close();

    const exposure = await site.open("/exposure.html");
    await exposure.page.locator('[data-status="model"]', { hasText: `${n(e.trials)} trials` }).waitFor({ timeout: 60_000 });
    expect(await text(exposure.page, "devices")).toBe(n(e.counts.devices));
    expect(await text(exposure.page, "frozen-devices")).toBe(n(e.counts.frozenDevices));
    expect(await text(exposure.page, "loss-doing-nothing")).toBe(usd(e.lossDoingNothing.mean));
    expect(await text(exposure.page, "loss-with-plan")).toBe(usd(e.lossWithPlan.mean));
    expect(await text(exposure.page, "attributable")).toBe(usd(e.attributableDoingNothing.mean));
    expect(exposure.report.errors).toEqual([]);
    await exposure.page.close();

    const cost = await site.open("/cost.html");
    await cost.page.locator('[data-status="cost"]', { hasText: `${n(e.trials)} trials` }).waitFor({ timeout: 60_000 });
    expect(await text(cost.page, "scenario-cost")).toBe(usd(e.cost.mean));
    expect(cost.report.errors).toEqual([]);
    await cost.page.close();

    const timeline = await site.open("/timeline.html");
    await timeline.page.locator('[data-status="timeline"]', { hasText: `${n(e.trials)} trials` }).waitFor({ timeout: 60_000 });
    expect(await text(timeline.page, "frozen-devices")).toBe(n(e.counts.frozenDevices));
    expect(await text(timeline.page, "assumed-frozen")).toBe(n(e.counts.assumedFrozen));
    expect(await text(timeline.page, "completion-p50")).toBe(e.completion.p50);
    await timeline.page.close();
  });

  it("presets: the Scenarios page shows what offramp model --compare prints, paired on one seed", async () => {
    const dir = "data/scenarios/presets";
    const model = await cli("model", "--scenario", `${dir}/accept-and-isolate.json`, "--compare", `${dir}/phased-by-criticality.json`, "--compare", `${dir}/rip-and-replace-now.json`, "--compare", `${dir}/wait-for-renewal.json`, "--json");
    const all = [model.evaluation, ...model.alternatives];
    const { page, report } = await site.open("/scenarios.html");
    await page.locator('[data-status="compare"]').waitFor({ timeout: 90_000 });
    // The four presets, in order: untick the current scenario and tick the fourth preset.
    await page.getByLabel(/^Current: /).uncheck();
    await page.getByLabel("Wait for renewal", { exact: true }).check();
    await expect.poll(async () => (await page.locator("table.compare thead th[data-scenario]").allTextContents()).join("|"), { timeout: 90_000 }).toBe("Accept and isolate|Phased by criticality|Rip and replace now|Wait for renewal");
    await page.locator('[data-status="compare"]').waitFor({ timeout: 90_000 });
    const cells = async (name: string) => page.locator(`td[data-figure="${name}"]`).allTextContents();
    expect(await cells("frozen-devices")).toEqual(all.map((e) => n(e.counts.frozenDevices)));
    expect(await cells("loss-with-plan")).toEqual(all.map((e) => `${usd(e.lossWithPlan.mean)} ± ${usd(e.lossWithPlan.standardError)}`));
    expect(await cells("horizon-total")).toEqual(all.map((e) => `${usd(e.horizonTotal.mean)} ± ${usd(e.horizonTotal.standardError)}`));
    expect(await page.locator("[data-recommendation]").getAttribute("data-recommendation")).toBe(model.decision.recommendation.id);
    expect(report.errors).toEqual([]);
    await page.close();
  });
});
