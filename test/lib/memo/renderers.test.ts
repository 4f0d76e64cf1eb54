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

describe("the Markdown memo in a viewer that allows HTML", async () => {
  const { default: MarkdownIt } = await import("markdown-it");
  const { escapeMarkdown } = await import("../../../src/lib/memo/markdown.js");
  const PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<iframe src=javascript:alert(3)></iframe>",
    "[click](javascript:alert(4))",
    "![x](javascript:alert(5))",
    "<javascript:alert(6)>",
    "<a href='javascript:alert(7)'>x</a>",
    "&lt;script&gt;alert(8)&lt;/script&gt;",
    "```\n</code><script>alert(9)</script>",
    "[x]: javascript:alert(10)\n[y][x]",
    "<svg onload=alert(11)>",
    "\\<b>bold</b>",
    "# heading\n> quote\n- item\n1. one",
  ];
  const hostile: MemoDocument = {
    title: `Leaving Kaspersky: ${PAYLOADS[0]}`,
    subtitle: PAYLOADS[1]!,
    date: "2026-11-25",
    sections: PAYLOADS.map((p, i) => ({
      id: `s${i}`,
      heading: p,
      blocks: [
        { kind: "paragraph" as const, text: `Business unit ${p} here` },
        { kind: "paragraph" as const, text: p },
        { kind: "list" as const, items: [p] },
        { kind: "table" as const, caption: p, columns: [p], rows: [[p]] },
        { kind: "figure" as const, id: "none", title: p, alt: p },
        { kind: "code" as const, language: "json", text: JSON.stringify({ name: p }) + "\n" + p },
      ],
    })),
  };

  it(`renders ${PAYLOADS.length} payloads in every kind of block with no live element, link or script`, () => {
    const markdown = toMarkdown(hostile);
    const viewer = new MarkdownIt({ html: true, linkify: true });
    const tokens = viewer.parse(markdown, {});
    const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
    expect(all.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content)).toEqual([]);
    expect(all.filter((t) => t.type === "link_open" || t.type === "image").map((t) => t.attrGet("href") ?? t.attrGet("src"))).toEqual([]);
    const html = viewer.render(markdown);
    expect(html).not.toMatch(/<(script|img|iframe|svg|a)\b/i);
    // No tag carries a link, a source or a handler (the payloads' own text, escaped, may).
    expect(html).not.toMatch(/<[a-z][^<>]*\s(href|src|on\w+)\s*=/i);
    // Shown as the text it is.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[click](javascript:alert(4))");
  });

  it("keeps ordinary text as it was", () => {
    expect(escapeMarkdown("Halvorsen Freight & Supply, Inc. runs 1,151 devices (29%).")).toBe("Halvorsen Freight & Supply, Inc. runs 1,151 devices (29%).");
    expect(new MarkdownIt().renderInline(escapeMarkdown("a <b> [c](d) &amp; `e` \\ f"))).toBe("a &lt;b&gt; [c](d) &amp;amp; `e` \\ f");
  });
});
