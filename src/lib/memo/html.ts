import type { Figure, MemoDocument } from "./document.js";

/** Escapes text for HTML: every value in a memo (host names, notes) is shown as text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Fits an A4 page on screen (794 px) and in print: tables take the page's width and no more. Words
 * in a table keep whole; only long unbroken runs (URLs, paths) wrap anywhere, so columns stay as
 * wide as their words and no wider than the page. Rows and headings are not split across pages.
 */
const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
p, li, h1, h2, caption, figcaption { overflow-wrap: anywhere; }
.subtitle { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; max-width: 100%; font: 9pt/1.35 Helvetica, Arial, sans-serif; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
.long { overflow-wrap: anywhere; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
figure { margin: 1rem 0; } figcaption { font: bold 10pt Helvetica, Arial, sans-serif; margin-bottom: 0.3rem; }
figure svg { max-width: 100%; height: auto; }
pre { font: 8pt/1.3 Menlo, Consolas, monospace; background: #f6f6f6; padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 36rem) {
  table { font-size: 8pt; } th, td { padding: 0.2rem 0.25rem; overflow-wrap: anywhere; }
}
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; }
  table { font-size: 7.5pt; } th, td { padding: 0.15rem 0.3rem; }
  pre { font-size: 7pt; }
  h1, h2, caption, figcaption { break-after: avoid; break-inside: avoid; }
  tr, figure, table.compact { break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; } thead tr { break-after: avoid; }
  section#appendix { break-before: page; }
}`;

/** A table this short moves to the next page whole rather than split. */
const COMPACT_ROWS = 8;
/** Unbroken runs longer than this (URLs, paths) may wrap anywhere in a table cell. */
const LONG_RUN = 18;

/** A table cell's text, escaped, with its long unbroken runs marked so they can wrap. */
function cell(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (part.length > LONG_RUN ? `<span class="long">${escapeHtml(part)}</span>` : escapeHtml(part)))
    .join("");
}

/**
 * One self-contained HTML file: styles and charts inline, no script, no request anywhere.
 * A Content-Security-Policy forbids loading anything, so even a hostile value cannot fetch.
 */
export function toHtml(memo: MemoDocument, figures: readonly Figure[] = []): string {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const e = escapeHtml;
  const body = memo.sections
    .map((section) => {
      const blocks = section.blocks
        .map((block) => {
          switch (block.kind) {
            case "paragraph":
              return `<p>${e(block.text)}</p>`;
            case "list":
              return `<ul>${block.items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
            case "table":
              return `<table${block.rows.length <= COMPACT_ROWS ? ' class="compact"' : ""}><caption>${e(block.caption)}</caption><thead><tr>${block.columns.map((c) => `<th>${cell(c)}</th>`).join("")}</tr></thead><tbody>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
            case "figure": {
              const figure = byId.get(block.id);
              return `<figure data-figure="${e(block.id)}"><figcaption>${e(block.title)}</figcaption>${figure ? `<div role="img" aria-label="${e(block.alt)}">${figure.svg}</div>` : `<p>${e(block.alt)}</p>`}</figure>`;
            }
            case "code":
              return `<pre><code>${e(block.text)}</code></pre>`;
          }
        })
        .join("\n");
      return `<section id="${e(section.id)}"><h2>${e(section.heading)}</h2>\n${blocks}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(memo.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${e(memo.title)}</h1><p class="subtitle">${e(memo.subtitle)}. Figures as of ${e(memo.date)}.</p></header>
${body}
</body></html>
`;
}
