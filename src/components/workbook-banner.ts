import { html } from "htl";
import { inventoryReport } from "../lib/ingest/inventory-report.js";
import { describeChanges, type ChangeFacts } from "../lib/scenario/changes.js";
import type { CurrentInventory } from "../state/inventory.js";
import type { Workbook } from "../state/workbook.js";

/** How the banner's "Use the sample" button works: the page forgets your inventory, then reloads. */
export interface BannerActions {
  useSample: () => Promise<void>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The strip at the top of every page: which organisation, which inventory (the sample or
 * yours, with its file count and date) and which scenario the figures are for, what was changed
 * from the preset (one sentence each), and Undo, Reset and "Use the sample". It follows the
 * workbook as it changes.
 */
export function workbookBanner(workbook: Workbook, inventory: CurrentInventory, facts: ChangeFacts, actions: BannerActions): HTMLElement {
  const root = html`<aside class="workbook-banner" aria-label="What this workbook models" data-banner></aside>` as HTMLElement;
  const status = html`<p class="workbook-banner__status" role="status" aria-live="polite"></p>` as HTMLElement;
  // Figures from part of an estate must not pass for the whole of it: every page says which exports were not read.
  const unread = inventoryReport(inventory.fleet.sources).unreadable;
  const render = () => {
    const s = workbook.scenario;
    const changes = describeChanges(workbook.base, s, facts);
    const origin = inventory.origin;
    const inv =
      origin.kind === "sample"
        ? html`<span data-inventory="sample">the bundled sample (${plural(origin.files, "export")}${inventory.fleet.exportedAt ? `, taken ${inventory.fleet.exportedAt.slice(0, 10)}` : ""})</span>`
        : html`<span data-inventory="yours">your exports (${plural(origin.files.length, "file")}, read ${origin.readAt.slice(0, 16).replace("T", " ")} UTC${origin.kept ? ", kept on this device" : ", this tab only"})</span>`;
    const undo = html`<button type="button" disabled=${!workbook.canUndo}>Undo</button>` as HTMLButtonElement;
    undo.onclick = () => {
      if (workbook.undo()) status.textContent = "Undone: the previous state of the scenario is back on every page.";
    };
    const reset = html`<button type="button" disabled=${changes.length === 0}>Reset to “${workbook.base.name}”</button>` as HTMLButtonElement;
    reset.onclick = () => {
      if (workbook.reset()) status.textContent = `Reset: every edit undone; the scenario is “${workbook.base.name}” again (Undo brings the edits back).`;
    };
    const sample = html`<button type="button">Use the sample instead</button>` as HTMLButtonElement;
    sample.onclick = async () => {
      sample.disabled = true;
      status.textContent = "Forgetting your inventory in this browser…";
      await actions.useSample();
    };
    root.replaceChildren(
      html`<p><strong>Modelling <span data-banner-organisation>${s.profile.name}</span></strong> · inventory: ${inv} · scenario: <strong data-banner-scenario>${s.name}</strong>${
        changes.length ? html`, <span data-banner-changes=${changes.length}>${plural(changes.length, "change")} from “${workbook.base.name}”</span>` : html`, <span data-banner-changes="0">unchanged from its preset</span>`
      }</p>`,
      ...(unread.length
        ? [
            html`<p role="alert" class="workbook-banner__error" data-unread=${unread.length}>${unread.length === 1 ? "One export" : `${unread.length.toLocaleString("en-US")} exports`} could not be read, so the figures cover only the rest: ${unread.map(
              (u, i) => html`${i ? "; " : ""}<strong>${u.file}</strong> (${u.reason.length > 160 ? `${u.reason.slice(0, 160)}…` : u.reason})`,
            )}. <a href="./inventory">Inventory</a> has the details.</p>`,
          ]
        : []),
      ...(workbook.arrived
        ? [
            html`<p role="status" data-arrived>Opened a shared scenario: <strong>${workbook.arrived}</strong>. Undo returns to the scenario you had.${
              inventory.origin.kind === "sample" && s.profile.name !== inventory.fleet.organisation && !s.profile.name.startsWith(inventory.fleet.organisation.split(",")[0]!)
                ? html` <strong>Links never carry an inventory</strong>: the figures are the bundled sample's, not ${s.profile.name}'s. Drop ${s.profile.name}'s exports on <a href="./inventory">Inventory</a> to see theirs.`
                : ""
            }</p>`,
          ]
        : []),
      ...(workbook.linkError ? [html`<p role="alert" class="workbook-banner__error">The link's scenario could not be read (${workbook.linkError}); showing the workbook you had.</p>`] : []),
      ...(changes.length
        ? [html`<details class="workbook-banner__changes"><summary>What changed</summary><ul>${changes.slice(0, 60).map((c) => html`<li data-change=${c.key}>${c.text}</li>`)}</ul>${changes.length > 60 ? html`<p>and ${changes.length - 60} more.</p>` : ""}</details>`]
        : []),
      html`<div class="workbook-banner__actions">${undo} ${reset} ${inventory.origin.kind === "yours" ? sample : ""}</div>`,
      status,
    );
  };
  render();
  workbook.subscribe(() => {
    const message = status.textContent;
    render();
    status.textContent = message;
  });
  return html`<div>${root}<style>${STYLE}</style></div>` as HTMLElement;
}

const STYLE = `
.workbook-banner { border: 1px solid var(--theme-foreground-faint); border-left: 4px solid #1f618d; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0 0 1rem; font-size: 0.9rem; max-width: 100%; overflow-wrap: anywhere; }
.workbook-banner p { margin: 0.2rem 0; max-width: none; }
.workbook-banner__actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.3rem; }
.workbook-banner__actions button { font: inherit; padding: 0.15rem 0.6rem; }
.workbook-banner__status:empty { display: none; }
.workbook-banner__error { color: #a93226; }
.workbook-banner__changes ul { margin: 0.3rem 0; padding-left: 1.2rem; }
@media print { .workbook-banner { display: none; } }
`;
