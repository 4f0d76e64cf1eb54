import { toBase64 } from "../util/base64.js";
import type { Figure, MemoDocument } from "./document.js";

/**
 * Text as Markdown shows it, never as markup: a backslash before every character that could open
 * HTML, a link, an image or a code span (`\ < > [ ] \``), an entity kept literal (`&amp;`), and a
 * line that would start a heading or a quote made plain. What a scenario, a profile or an
 * inventory says stays text in any Markdown viewer, HTML-enabled or not.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`<>[\]]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/^(\s*)([#>]|[-+*=](?=\s|$)|\d+[.)](?=\s|$))/gm, "$1\\$2");
}

const cell = (text: string) => escapeMarkdown(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const md = escapeMarkdown;

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** SVG as a data URI, so the Markdown file stands alone. */
function dataUri(svg: string): string {
  return `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
}

export function toMarkdown(memo: MemoDocument, figures: readonly Figure[] = []): string {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: string[] = [`# ${md(memo.title)}`, "", `_${md(memo.subtitle)}. Figures as of ${md(memo.date)}._`, ""];
  for (const section of memo.sections) {
    out.push(`## ${md(section.heading)}`, "");
    for (const block of section.blocks) {
      switch (block.kind) {
        case "paragraph":
          out.push(md(block.text), "");
          break;
        case "list":
          out.push(...block.items.map((i) => `- ${md(i).replace(/\r?\n/g, " ")}`), "");
          break;
        case "table":
          out.push(`**${md(block.caption)}**`, "", `| ${block.columns.map(cell).join(" | ")} |`, `| ${block.columns.map(() => "---").join(" | ")} |`, ...block.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
          break;
        case "figure": {
          const figure = byId.get(block.id);
          out.push(`**${md(block.title)}**`, "", figure ? `![${cell(block.alt)}](${dataUri(figure.svg)})` : `_${md(block.alt)}_`, "");
          break;
        }
        case "code": {
          const f = fence(block.text);
          out.push(`${f}${block.language.replace(/[^A-Za-z0-9_-]/g, "")}`, block.text, f, "");
          break;
        }
      }
    }
  }
  return out.join("\n");
}
