import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { MemoDocument } from "../../../src/lib/memo/document.js";
import { money } from "../../../src/lib/memo/document.js";
import { toDocx } from "../../../src/lib/memo/docx.js";
import { normaliseSvg } from "../../../src/lib/memo/hash.js";
import { toHtml } from "../../../src/lib/memo/html.js";
import { toMarkdown } from "../../../src/lib/memo/markdown.js";

const PAYLOAD = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
const memo: MemoDocument = {
  title: `Leaving Kaspersky: ${PAYLOAD}`,
  subtitle: "Test",
  date: "2026-11-25",
  sections: [
    { id: "s", heading: "Notes", blocks: [{ kind: "paragraph", text: `Host ${PAYLOAD} | pipe` }, { kind: "table", caption: "T", columns: ["Host"], rows: [[PAYLOAD]] }, { kind: "list", items: [PAYLOAD] }] },
  ],
};

describe("memo renderers", () => {
  it("HTML shows hostile values as text and forbids loading anything", () => {
    const html = toHtml(memo);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("default-src 'none'");
  });

  it("DOCX keeps hostile values as literal text", async () => {
    const xml = strFromU8(unzipSync(await toDocx(memo))["word/document.xml"]!);
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script>");
  });

  it("Markdown escapes pipes inside table cells, so a value cannot add columns", () => {
    const md = toMarkdown({ ...memo, sections: [{ id: "t", heading: "T", blocks: [{ kind: "table", caption: "C", columns: ["Host"], rows: [["a | b"]] }] }] });
    expect(md).toContain("| a \\| b |");
  });

  it("rounds money as a board reads it", () => {
    expect([money(1234), money(338994), money(1_549_193), money(7e9), money(12), money(-5000)]).toEqual(["$1.23k", "$339k", "$1.55M", "$7.00B", "$12", "−$5.00k"]);
  });

  it("renumbers Plot's generated ids so the same chart gives the same markup", () => {
    expect(normaliseSvg('<svg class="plot-d6a7b5"><style>.plot-d6a7b5 {}</style><clipPath id="plot-clip-12"></clipPath><g class="plot-a1b2c3-swatch"></g></svg>')).toBe('<svg class="chart-1"><style>.chart-1 {}</style><clipPath id="chart-2"></clipPath><g class="chart-3-swatch"></g></svg>');
  });
});
