/**
 * Present mode as a board sees it: every slide photographed, its text readable against the slide
 * (4.5:1 or better), its charts' text and ticks readable against what is behind them (3:1 or
 * better), nothing cut off on a projector (1366×768) or a phone (390×844), and Esc hands focus
 * back to the Present button. Screenshots go to .ci-out/slides/ (not committed).
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSite } from "./site.js";

const site = useSite();
const SHOTS = resolve(".ci-out/slides");
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

interface SlideReport {
  title: string;
  /** Slide text: selector, contrast against the colour behind it. */
  text: { what: string; contrast: number }[];
  /** Chart text and ticks: what, contrast against the colour behind the chart. */
  chart: { what: string; contrast: number }[];
  /** Parts of the slide that reach outside the viewport, and by how much. */
  outside: string[];
  overflow: { x: number; y: number };
}

/** Reads one slide in the page: colours from computed styles, boxes from layout. */
const readSlide = (page: Page) =>
  page.locator(".present").evaluate((deck): SlideReport => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      return c.startsWith("rgba") || n.length === 4 ? [n[0]!, n[1]!, n[2]!, n[3] ?? 1] : c === "transparent" || n.length < 3 ? [0, 0, 0, 0] : [n[0]!, n[1]!, n[2]!, 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as Rgba;
    };
    /** The opaque colour behind an element: its own and its ancestors' backgrounds, composited. */
    const behind = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba) => [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const contrast = (fg: Rgba, bg: Rgba) => {
      const [a, b] = [luminance(over(fg, bg)), luminance(bg)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const text = [...deck.querySelectorAll<HTMLElement>("h1, p")].map((el) => ({ what: el.className || el.tagName.toLowerCase(), contrast: contrast(parse(getComputedStyle(el).color), behind(el)) }));
    const chart: SlideReport["chart"] = [];
    for (const svg of deck.querySelectorAll("svg")) {
      const bg = behind(svg);
      for (const t of svg.querySelectorAll("text")) {
        const style = getComputedStyle(t);
        if (style.fill === "none" || style.visibility === "hidden" || !t.textContent?.trim()) continue;
        const fill = parse(style.fill);
        fill[3] *= Number(style.fillOpacity) * Number(style.opacity);
        chart.push({ what: `text "${t.textContent.trim().slice(0, 30)}"`, contrast: contrast(fill, bg) });
      }
      // Axis ticks (Plot labels them "x-axis tick", "y-axis tick"); grid lines are faint on purpose.
      for (const tick of svg.querySelectorAll('[aria-label$="tick"] path, [aria-label$="tick"] line')) {
        const style = getComputedStyle(tick);
        const stroke = parse(style.stroke);
        stroke[3] *= Number(style.strokeOpacity) * Number(style.opacity);
        chart.push({ what: `tick of ${tick.parentElement?.getAttribute("aria-label")}`, contrast: contrast(stroke, bg) });
      }
    }
    const [w, h] = [window.innerWidth, window.innerHeight];
    const outside: string[] = [];
    for (const el of deck.querySelectorAll(":scope > :not(style), svg")) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) outside.push(`${el.className || el.tagName}: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    // A chart stays inside its panel.
    for (const svg of deck.querySelectorAll(".present-chart svg")) {
      const [r, p] = [svg.getBoundingClientRect(), svg.parentElement!.getBoundingClientRect()];
      if (r.left < p.left - 0.5 || r.right > p.right + 0.5 || r.top < p.top - 0.5 || r.bottom > p.bottom + 0.5) outside.push("chart outside its panel");
    }
    return { title: deck.querySelector("h1")?.textContent ?? "", text, chart, outside, overflow: { x: deck.scrollWidth - deck.clientWidth, y: deck.scrollHeight - deck.clientHeight } };
  });

describe("present mode", () => {
  it("is readable and whole on every slide, on a projector and on a phone, and Esc returns focus", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page, report } = await site.open("/memo.html");
    await page.locator('[data-download="md"]').waitFor({ timeout: 90_000 });
    const present = page.locator("button", { hasText: "Present" });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await present.click();
      const deck = page.locator(".present");
      await deck.waitFor();
      const count = Number((await deck.locator(".present-counter").textContent())!.match(/\/ (\d+)/)![1]);
      expect(count).toBeGreaterThanOrEqual(5);
      const titles: string[] = [];
      let charts = 0;
      for (let i = 1; i <= count; i++) {
        await page.screenshot({ path: `${SHOTS}/${size.width}x${size.height}-${String(i).padStart(2, "0")}.png` });
        const slide = await readSlide(page);
        titles.push(slide.title);
        const where = `${size.width}×${size.height}, slide ${i} "${slide.title}"`;
        expect(slide.text.length, where).toBeGreaterThanOrEqual(2);
        for (const t of slide.text) expect(t.contrast, `${where}: ${t.what}`).toBeGreaterThanOrEqual(4.5);
        if (slide.chart.length) charts++;
        for (const c of slide.chart) expect(c.contrast, `${where}: chart ${c.what}`).toBeGreaterThanOrEqual(3);
        expect(slide.outside, where).toEqual([]);
        expect(slide.overflow, where).toEqual({ x: 0, y: 0 });
        if (i < count) await page.keyboard.press("ArrowRight");
      }
      // Every slide was a different one, and the charts (by business unit, cost against risk) were read.
      expect(new Set(titles).size).toBe(count);
      expect(charts).toBeGreaterThanOrEqual(2);
      await page.keyboard.press("Escape");
      await expect(deck.count()).resolves.toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Present");
    }
    // Leaving full screen (the browser takes Esc for that) leaves the deck too, and focus returns.
    await present.click();
    await page.locator(".present").waitFor();
    if (await page.evaluate(() => document.fullscreenElement !== null)) {
      await page.evaluate(() => document.exitFullscreen());
      await expect.poll(() => page.locator(".present").count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Present");
    }
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  }, 180_000);
});
