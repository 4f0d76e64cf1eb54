/** Renders memo charts to PNG (for DOCX) and the HTML memo to PDF, with headless Chromium. */
import type { RasterFigure } from "../../src/lib/memo/docx.js";
import type { Figure } from "../../src/lib/memo/document.js";
import { launchChromium } from "../browser/chromium.js";

export async function rasterize(figures: readonly Figure[]): Promise<RasterFigure[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const out: RasterFigure[] = [];
    for (const figure of figures) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:white">${figure.svg}</body></html>`);
      const svg = page.locator("svg").first();
      const box = (await svg.boundingBox())!;
      const png = await svg.screenshot({ type: "png" });
      out.push({ id: figure.id, png: new Uint8Array(png), width: Math.round(box.width), height: Math.round(box.height) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A4 PDF through the memo's print stylesheet, with page numbers in the footer. */
export async function printPdf(html: string): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: '<div style="font: 8pt Helvetica, Arial, sans-serif; width: 100%; text-align: center; color: #666;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
