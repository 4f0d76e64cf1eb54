import { html } from "htl";
import type { ApplicableObligation } from "../lib/regulation/obligations.js";
import { CLASS_COLORS } from "./regulation-timeline.js";

const LABEL: Record<ApplicableObligation["class"], string> = {
  "legal-prohibition": "Legal prohibition",
  contractual: "Contractual",
  technical: "Technical",
  advisory: "Advisory",
  context: "Context",
};

/** Obligations with their plain-language effect, citation and sources (links open the source, nothing is fetched). */
export function obligationsTable(rows: readonly ApplicableObligation[]): HTMLElement {
  if (rows.length === 0) return html`<p class="muted">Nothing in this timeline applies to this profile.</p>` as HTMLElement;
  return html`<table class="obligations">
    <thead><tr><th>Date</th><th>Where</th><th>What it means for you</th><th>Kind</th><th>Citation and source</th></tr></thead>
    <tbody>${rows.map(
      (o) => html`<tr data-event=${o.eventId} data-class=${o.class}>
        <td>${o.date}</td><td>${o.jurisdiction}</td><td>${o.effect}</td>
        <td><span class="pill" style=${`background:${CLASS_COLORS[o.class]}`}>${LABEL[o.class]}</span></td>
        <td>${o.citation}<br>${o.sources.map((s, i) => html`${i ? " · " : ""}<a href=${s.url} rel="noreferrer noopener" target="_blank">${s.title ?? new URL(s.url).hostname}</a>`)}</td>
      </tr>`,
    )}</tbody>
  </table>` as HTMLElement;
}
