import { html } from "htl";
import type { Headline } from "../lib/model/headline.js";

const count = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });

/** The Overview's headline figures as cards; each figure carries a `data-figure` name for tests. */
export function headlineCards(figures: Headline, context: { scope: string; asOf: string; updatesStopped: string }): HTMLElement {
  return html`<div class="grid grid-cols-4">
    <div class="card"><h2>Devices</h2><span class="big" data-figure="devices">${count.format(figures.devices)}</span><p class="muted">${context.scope}</p></div>
    <div class="card"><h2>Devices running Kaspersky</h2><span class="big" data-figure="kaspersky-devices">${count.format(figures.kasperskyDevices)}</span><p class="muted">${percent.format(figures.kasperskyShare)} of devices; products the US prohibition covers</p></div>
    <div class="card"><h2>Frozen protection</h2><span class="big" data-figure="frozen-devices">${count.format(figures.frozenDevices)}</span><p class="muted">Kaspersky protection with no updates since the cutoff${figures.assumedFrozen ? html`; <span data-figure="assumed-frozen">${count.format(figures.assumedFrozen)}</span> assumed frozen (no signature date)` : ""}</p></div>
    <div class="card"><h2>Days since updates stopped</h2><span class="big" data-figure="days-since-cutoff">${count.format(figures.daysSinceUpdatesStopped)}</span><p class="muted">from ${context.updatesStopped} to ${context.asOf}</p></div>
  </div>` as HTMLElement;
}
