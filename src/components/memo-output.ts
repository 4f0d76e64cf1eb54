import type { RasterFigure } from "../lib/memo/docx.js";
import type { Figure } from "../lib/memo/document.js";
import { normaliseSvg } from "../lib/memo/hash.js";

/** A chart node's own SVG markup (a chart with a legend comes wrapped in a figure). */
export function chartSvg(node: Element): string {
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector(":scope > svg")!;
  const copy = svg.cloneNode(true) as Element;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return normaliseSvg(copy.outerHTML);
}

/** Draws each SVG figure on a canvas (at twice its size) and returns PNGs, in the browser. */
export async function rasterizeInBrowser(figures: readonly Figure[]): Promise<RasterFigure[]> {
  const out: RasterFigure[] = [];
  for (const figure of figures) {
    const url = URL.createObjectURL(new Blob([figure.svg], { type: "image/svg+xml" }));
    try {
      const image = new Image();
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error(`the chart "${figure.id}" could not be drawn`));
        image.src = url;
      });
      const canvas = document.createElement("canvas");
      canvas.width = image.width * 2;
      canvas.height = image.height * 2;
      const context = canvas.getContext("2d")!;
      context.fillStyle = "white";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
      out.push({ id: figure.id, png: new Uint8Array(await blob.arrayBuffer()), width: image.width, height: image.height });
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return out;
}
