/** A memo as a document tree; renderers turn it into Markdown, HTML or DOCX. */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] }
  | { kind: "figure"; id: string; title: string; alt: string }
  | { kind: "code"; language: string; text: string };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface MemoDocument {
  title: string;
  subtitle: string;
  /** ISO date the figures are for (the scenario's as-of date): memos carry no clock time, so they reproduce byte for byte. */
  date: string;
  sections: Section[];
}

/** A chart for a figure block, as SVG markup. */
export interface Figure {
  id: string;
  svg: string;
}

/** Figures to three significant digits, as a board reads money: $1.23M, $456k, $789. */
export function money(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  const sign = x < 0 ? "−" : "";
  if (a >= 1e9) return `${sign}$${(a / 1e9).toPrecision(3)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toPrecision(3)}k`;
  return `${sign}$${Math.round(a)}`;
}

export const percent = (p: number) => `${(p * 100).toFixed(p < 0.1 && p > 0 ? 1 : 0)}%`;
export const count = (n: number) => Math.round(n).toLocaleString("en-US");
