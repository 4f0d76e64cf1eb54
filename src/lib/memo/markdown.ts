import type { Figure, MemoDocument } from "./document.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** SVG as a data URI, so the Markdown file stands alone. */
function dataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

export function toMarkdown(memo: MemoDocument, figures: readonly Figure[] = []): string {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: string[] = [`# ${memo.title}`, "", `_${memo.subtitle}. Figures as of ${memo.date}._`, ""];
  for (const section of memo.sections) {
    out.push(`## ${section.heading}`, "");
    for (const block of section.blocks) {
      switch (block.kind) {
        case "paragraph":
          out.push(block.text, "");
          break;
        case "list":
          out.push(...block.items.map((i) => `- ${i}`), "");
          break;
        case "table":
          out.push(`**${block.caption}**`, "", `| ${block.columns.map(cell).join(" | ")} |`, `| ${block.columns.map(() => "---").join(" | ")} |`, ...block.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
          break;
        case "figure": {
          const figure = byId.get(block.id);
          out.push(`**${block.title}**`, "", figure ? `![${block.alt}](${dataUri(figure.svg)})` : `_${block.alt}_`, "");
          break;
        }
        case "code":
          out.push(`\`\`\`${block.language}`, block.text, "```", "");
          break;
      }
    }
  }
  return out.join("\n");
}
