import { html } from "htl";
import type { SourceReport } from "../lib/ingest/types.js";

const n = (x: number) => x.toLocaleString("en-US");
const delimiterName = (d: string | null) => (d === "\t" ? "tab" : d === null ? "" : `"${d}"`);

/** Lines read with bytes replaced (a kept inventory from an older version has none listed). */
function warningsOf(s: SourceReport) {
  const warnings = s.warnings ?? [];
  if (warnings.length === 0) return "";
  return html`<details data-warnings=${warnings.length}><summary>${n(warnings.length)} ${warnings.length === 1 ? "line" : "lines"} with replaced bytes</summary><ul>${warnings.slice(0, 50).map((w) => html`<li>line ${w.line}: ${w.message}</li>`)}</ul></details>`;
}

/** One row per file read: format, encoding, delimiter, rows accepted and rejected, and the first reasons. */
export function sourcesTable(sources: readonly SourceReport[]): HTMLElement {
  // The full width, and room for the reasons: a file not read says why in its last cell.
  return html`<div class="sources-wrap"><style>${STYLE}</style><table class="sources">
    <thead><tr><th>File</th><th>Format</th><th>Encoding</th><th>Delimiter</th><th>Rows</th><th>Accepted</th><th>Rejected</th><th>Problems</th></tr></thead>
    <tbody>${sources.map(
      (s) => html`<tr data-source=${s.file}>
        <td>${s.file}</td><td>${s.format ?? "—"}</td><td>${s.encoding ?? "—"}</td><td>${delimiterName(s.delimiter)}</td>
        <td>${n(s.rows)}</td><td>${n(s.accepted)}</td><td>${n(s.rejected)}</td>
        <td>${s.fatal ? html`<span class="error">Not read: ${s.fatal}</span>` : s.errors.length === 0 ? "none" : html`<details><summary>${n(s.rejected)} rejected</summary><ul>${s.errors.slice(0, 50).map((e) => html`<li>line ${e.line}${e.column ? `, column "${e.column}"` : ""}: ${e.message}</li>`)}</ul>${s.errors.length > 50 ? html`<p>…and ${n(s.rejected - 50)} more</p>` : ""}</details>`}${warningsOf(s)}</td>
      </tr>`,
    )}</tbody>
  </table></div>` as HTMLElement;
}

const STYLE = `
.sources-wrap { overflow-x: auto; max-width: 100%; }
table.sources { max-width: none; width: 100%; }
table.sources td:last-child { min-width: 14rem; }
`;
