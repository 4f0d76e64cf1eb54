import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { MemoDocument } from "./document.js";

/** A chart rendered as a PNG, with its size in pixels. */
export interface RasterFigure {
  id: string;
  png: Uint8Array;
  width: number;
  height: number;
}

const FONT = "Calibri";

/** A Word document with real headings, tables and the charts as images. */
export async function toDocx(memo: MemoDocument, figures: readonly RasterFigure[] = []): Promise<Uint8Array> {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: memo.title, font: FONT })] }),
    new Paragraph({ children: [new TextRun({ text: `${memo.subtitle}. Figures as of ${memo.date}.`, italics: true, font: FONT })] }),
  ];
  for (const section of memo.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: section.heading, font: FONT })] }));
    for (const block of section.blocks) {
      switch (block.kind) {
        case "paragraph":
          children.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, font: FONT })] }));
          break;
        case "list":
          for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: item, font: FONT })] }));
          break;
        case "table": {
          children.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: block.caption, bold: true, font: FONT })] }));
          const row = (cells: string[], header: boolean) =>
            new TableRow({ tableHeader: header, children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18, font: FONT })] })] })) });
          children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))] }));
          break;
        }
        case "figure": {
          children.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: block.title, bold: true, font: FONT })] }));
          const figure = byId.get(block.id);
          if (figure) {
            const width = 600;
            const height = Math.round((figure.height / figure.width) * width);
            children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: "png", data: figure.png, transformation: { width, height }, altText: { title: block.title, description: block.alt, name: block.id } })] }));
          } else children.push(new Paragraph({ children: [new TextRun({ text: block.alt, italics: true, font: FONT })] }));
          break;
        }
        case "code":
          for (const line of block.text.split("\n")) children.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, font: "Consolas", size: 14 })] }));
          break;
      }
    }
  }
  const document = new Document({ creator: "Offramp", title: memo.title, description: memo.subtitle, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
