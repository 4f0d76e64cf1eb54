/**
 * The memo on paper: the HTML memo fits an A4 page (794 px, and in print), and Ctrl+P on the Memo
 * page prints the whole memo and none of the page's controls.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../loaders/browser/chromium.js";
import { composeMemo, type ComposedMemo } from "../../loaders/memo/compose.js";
import { toHtml } from "../../src/lib/memo/html.js";
import { useSite } from "./site.js";

const site = useSite();
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-memo-print-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A PDF's text, with whitespace removed: lines and wrapped cells break words anywhere. */
async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = join(temp, name);
  writeFileSync(file, pdf);
  const { stdout } = await run("pdftotext", ["-raw", file, "-"], { maxBuffer: 1 << 26 });
  return stdout;
}
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** Every table's right edge and the document's scroll width, against the viewport. */
const widths = (page: Page) =>
  page.evaluate(() => ({
    viewport: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll("table")].map((t) => ({ caption: t.caption?.textContent ?? "", right: t.getBoundingClientRect().right, scrollWidth: t.scrollWidth, clientWidth: t.clientWidth })),
    blocks: [...document.querySelectorAll("pre, figure, li, p")].map((b) => b.getBoundingClientRect().right),
  }));

describe("the HTML memo on an A4 page", () => {
  let composed: ComposedMemo;
  let html: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    const dir = "data/scenarios/presets";
    composed = await composeMemo("data/scenarios/sample-organisation.json", { trials: 2000, compare: [`${dir}/accept-and-isolate.json`, `${dir}/phased-by-criticality.json`] });
    html = toHtml(composed.memo, composed.figures);
    browser = await launchChromium();
  }, 120_000);
  afterAll(() => browser?.close());

  it("fits 794 px on screen and the A4 text width in print, and the PDF holds the ledger and the last section", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.setContent(html, { waitUntil: "load" });
    const screen = await widths(page);
    expect(screen.tables.length).toBeGreaterThanOrEqual(5);
    for (const t of screen.tables) {
      expect(t.right, t.caption).toBeLessThanOrEqual(screen.viewport);
      expect(t.scrollWidth, t.caption).toBeLessThanOrEqual(t.clientWidth);
    }
    for (const right of screen.blocks) expect(right).toBeLessThanOrEqual(screen.viewport);
    expect(screen.scrollWidth).toBeLessThanOrEqual(794);

    // In print, at the width of an A4 page's text (210 mm less 2 × 16 mm margins: 673 px).
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 673, height: 1123 });
    const print = await widths(page);
    for (const t of print.tables) expect(t.right, t.caption).toBeLessThanOrEqual(print.viewport);
    expect(print.scrollWidth).toBeLessThanOrEqual(673);
    // Print type is smaller than screen type.
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("td")!).fontSize))).toBeLessThan(12);

    await page.setViewportSize({ width: 794, height: 1123 });
    const text = squeeze(await pdfText(await page.pdf({ format: "A4" }), "memo.pdf"));
    const ledger = composed.memo.sections.find((s) => s.id === "ledger")!.blocks.find((b) => b.kind === "table")!;
    if (ledger.kind !== "table") throw new Error("the ledger has no table");
    const lastAssumption = ledger.rows.at(-1)![0]!;
    expect(text).toContain(squeeze(lastAssumption));
    const last = composed.memo.sections.at(-1)!;
    expect(text).toContain(squeeze(last.heading));
    for (const block of last.blocks) if (block.kind === "paragraph") expect(text).toContain(squeeze(block.text));
    expect(text).toContain(squeeze(composed.inputs.contentHash));
    // The last line of the scenario's JSON, at the very end of the appendix.
    expect(text).toContain(squeeze(JSON.stringify(composed.inputs.scenario, null, 2).split("\n").at(-2)!));
    await page.close();
  }, 60_000);

  it("does not split a table row or a heading across pages", () => {
    const style = html.match(/@media print \{[\s\S]*?\n\}/)![0];
    expect(style).toMatch(/tr[^{]*\{[^}]*break-inside: avoid/);
    expect(style).toMatch(/h2[^{]*\{[^}]*break-after: avoid/);
  });
});

describe("printing the Memo page", () => {
  /** The text a reader sees, the memo's shadow root included (innerText does not enter it). */
  const visibleText = (page: Page) =>
    page.evaluate(() => {
      const parts = [document.body.innerText];
      for (const host of document.querySelectorAll("*"))
        if (host.shadowRoot) for (const child of host.shadowRoot.children) if (child instanceof HTMLElement && child.checkVisibility()) parts.push(child.innerText);
      return parts.join("\n");
    });

  it("prints the whole memo and none of the page's controls", async () => {
    const { page, report } = await site.open("/memo.html");
    await page.getByRole("link", { name: "Markdown" }).waitFor({ timeout: 90_000 });
    const preview = page.frameLocator("iframe.memo-preview");
    const title = (await preview.locator("h1").textContent())!;
    const appendix = (await preview.locator("section#appendix h2").textContent())!;
    const appendixText = (await preview.locator("section#appendix p").first().textContent())!;
    expect(title).toMatch(/^Leaving Kaspersky: /);

    // On screen: the controls and the preview, and the printable copy hidden.
    const onScreen = await visibleText(page);
    expect(onScreen).toContain("Compared with");
    expect(onScreen).not.toContain(appendix);
    expect(await page.locator(".memo-print").isVisible()).toBe(false);

    await page.emulateMedia({ media: "print" });
    const printed = await visibleText(page);
    expect(printed).toContain(title);
    expect(printed).toContain(appendix);
    for (const control of ["Compared with", "Your own paragraphs", "Save the narrative", "PDF (print)"]) expect(printed).not.toContain(control);
    expect(await page.locator("iframe.memo-preview").isVisible()).toBe(false);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    // Nothing of the memo is cut off at a frame's height: the memo's last section is on the page.
    expect(await page.locator(".memo-print section#appendix h2").isVisible()).toBe(true);

    const text = squeeze(await pdfText(await page.pdf({ format: "A4" }), "page.pdf"));
    expect(text).toContain(squeeze(title));
    expect(text).toContain(squeeze(appendix));
    expect(text).toContain(squeeze(appendixText));
    expect(text).not.toContain(squeeze("Your own paragraphs"));
    expect(text).not.toContain(squeeze("Compared with"));
    expect(report.errors).toEqual([]);
    expect(site.foreign).toEqual([]);
    await page.close();
  }, 150_000);
});
