import { html } from "htl";
import { toCsv } from "../lib/export/csv.js";
import { withoutReplacement, type DeviceRef } from "../lib/progress/diff.js";
import { capacityText, deadlineForecastText, type Reforecast } from "../lib/progress/reforecast.js";
import type { SnapshotStanding } from "../lib/progress/report.js";
import { download } from "./download.js";

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where progress stands: the latest snapshot's standing, said plainly. */
export function standingSentence(latest: SnapshotStanding): HTMLElement {
  return html`<p class="progress-standing" data-figure="standing" data-standing=${latest.standing ?? "none"}>${
    latest.standingText ? `${capitalised(latest.standingText)}.` : `${n(latest.kasperskyDevices)} Kaspersky devices left on ${latest.date}; the scenario has no plan to compare with.`
  }</p>` as HTMLElement;
}

/** The re-forecast's headline: completion, each deadline's chance, the capacity for 80% of the next, and the capacity update. */
export function forecastCards(f: Reforecast): HTMLElement {
  const c = f.capacity;
  const next = f.capacityFor80;
  return html`<div class="grid grid-cols-4 progress-cards">
    <div class="card"><h2>All devices off Kaspersky</h2><span class="big" data-figure="completion-p50">${f.completion.p50 ?? "never"}</span><p class="muted">median; P80 <span data-figure="completion-p80">${f.completion.p80 ?? "never (within ten years)"}</span></p></div>
    <div class="card"><h2>Deadlines</h2><ul class="progress-deadlines">${f.deadlines.map(
      (d) => html`<li data-deadline=${d.id}><strong>${d.label}</strong> (${d.date}): <span data-figure="p-meet">${deadlineForecastText(d)}</span></li>`,
    )}</ul></div>
    <div class="card"><h2>Capacity for 80%</h2><span class="big" data-figure="capacity-80">${next ? (next.capacityPerWeek === null ? "not reachable" : `${n(next.capacityPerWeek)}/week`) : "—"}</span><p class="muted">${
      next ? (next.capacityPerWeek === null ? `no capacity is enough for ${next.label} (${next.deadline}): the fixed phases alone run past it` : `at full speed, for an 80% chance of ${next.label} (${next.deadline})`) : "no deadline ahead"
    }</p></div>
    <div class="card"><h2>Team capacity (mean a week)</h2><span class="big" data-figure="capacity-update">${f.started ? `${n(c.priorMean)} → ${n(c.posteriorMean)}/week` : `${n(c.priorMean)}/week`}</span><p class="muted">${capacityText(f)}</p></div>
  </div>` as HTMLElement;
}

/** One row per snapshot: its count, what changed since the one before, the plan's band and the standing. */
export function snapshotsTable(snapshots: readonly SnapshotStanding[]): HTMLElement {
  return html`<p class="progress-scroll-hint muted">Scroll the table sideways for every column.</p><div class="progress-wrap"><table class="progress-snapshots">
    <thead><tr><th>Date</th><th>Kaspersky devices</th><th>Devices seen</th><th>Migrated</th><th>Came back</th><th>New</th><th>Missing</th><th>Plan's P10–P90 (median)</th><th>Standing</th></tr></thead>
    <tbody>${snapshots.map(
      (s, i) => html`<tr data-snapshot=${s.date}>
        <td><span class="progress-date">${s.date}</span><br><span class="muted">${i === 0 ? "the scenario's inventory" : s.label}</span></td><td data-figure="kaspersky-devices">${n(s.kasperskyDevices)}</td><td>${n(s.devices)}</td>
        <td>${n(s.migrated.length)}${i > 0 ? html`<br><span class="muted">${n(s.migratedWithReplacement)} with a replacement seen</span>` : ""}</td><td>${n(s.cameBack.length)}</td><td>${n(s.new.length)}</td><td>${n(s.missing.length)}</td>
        <td>${s.band ? `${n(s.band.p10)}–${n(s.band.p90)} (${n(s.band.p50)})` : "—"}</td><td>${s.standing ?? "—"}</td>
      </tr>`,
    )}</tbody>
  </table></div>` as HTMLElement;
}

/** The latest snapshot's waves: devices at the plan's start, left now, and the share done. */
export function waveTable(latest: SnapshotStanding): HTMLElement {
  return html`<div class="progress-wrap"><table class="progress-waves">
    <thead><tr><th>Wave</th><th>At the plan's start</th><th>Left</th><th>Done</th></tr></thead>
    <tbody>${latest.byWave
      .filter((w) => w.baseline > 0 || w.remaining > 0)
      .map((w) => html`<tr data-wave=${w.id}><td>${w.label}</td><td>${n(w.baseline)}</td><td>${n(w.remaining)}</td><td>${(w.done * 100).toFixed(0)}%</td></tr>`)}</tbody>
  </table></div>` as HTMLElement;
}

const LISTS = [
  { key: "unreplaced", file: "no-replacement", title: "Migrated, no replacement seen", what: "off Kaspersky since the snapshot before, with no replacement seen in the exports: check each is protected (or that its replacement is one the catalog does not know)" },
  { key: "cameBack", file: "came-back", title: "Came back", what: "seen without Kaspersky in an earlier snapshot, with it again in this one (re-installed or re-imaged)" },
  { key: "new", file: "new", title: "New with Kaspersky", what: "with Kaspersky, and never seen with it before (a new device, or one that never had it)" },
  { key: "missing", file: "missing", title: "Missing", what: "had Kaspersky in the snapshot before and were not seen at all in this one (switched off, out of the exports' reach, or gone): still counted as on Kaspersky, never as migrated" },
] as const;

/** Names shown on the page per list; the CSV has every device. */
const SHOWN = 40;

/** What each list means, said once above them. */
export function deviceListKey(): HTMLElement {
  return html`<dl class="progress-key">${LISTS.map(({ title, what }) => html`<div><dt>${title}</dt><dd>${what}</dd></div>`)}</dl>` as HTMLElement;
}

/**
 * Each snapshot's came-back, new and missing devices against the snapshot before, each list
 * with a CSV download (made in the browser, every cell formula-neutralised).
 */
export function deviceLists(snapshots: readonly SnapshotStanding[]): HTMLElement {
  const later = snapshots.slice(1);
  return html`<div class="progress-lists">${later.map((s) => {
    const waves = new Map(s.byWave.map((w) => [w.id, w.label]));
    const rows = (list: readonly DeviceRef[]) => list.map((d) => ({ snapshot: s.date, hostname: d.hostname, businessUnit: d.businessUnit, wave: d.wave === null ? "" : (waves.get(d.wave) ?? d.wave) }));
    return html`<section class="progress-snapshot" data-lists=${s.date}>
      <h3>${s.date}</h3>
      ${LISTS.map(({ key, file, title }) => {
        const list = key === "unreplaced" ? withoutReplacement(s) : s[key];
        const link = list.length ? download(`${file}-${s.date}.csv`, toCsv(rows(list), ["snapshot", "hostname", "businessUnit", "wave"]), "text/csv", "Download CSV") : null;
        link?.setAttribute("aria-label", `Download CSV: ${title.toLowerCase()}, ${s.date}`);
        return html`<div class="progress-list" data-list=${file} data-count=${list.length}>
          <p><strong>${title}: ${n(list.length)}</strong>${link ? html` ${link}` : ""}</p>
          ${list.length ? html`<p class="progress-names">${list.slice(0, SHOWN).map((d, i) => html`${i ? ", " : ""}<span data-host=${d.hostname} title=${`${d.businessUnit}${d.wave ? `, wave: ${waves.get(d.wave) ?? d.wave}` : ""}`}>${d.hostname}</span>`)}${list.length > SHOWN ? ` and ${n(list.length - SHOWN)} more (in the CSV)` : ""}</p>` : ""}
        </div>`;
      })}
    </section>`;
  })}</div>` as HTMLElement;
}

/** Styles for the tables and lists above (the page includes them once). */
export const progressStyle = `
/* A wide table scrolls inside its own box; the box's width never comes from the table (the page's column stays the viewport's). */
.progress-wrap { overflow-x: auto; max-width: 100%; contain: inline-size; }
.progress-wrap table { max-width: none; width: 100%; }
.progress-standing { font-size: 1.15rem; max-width: 60rem; }
.progress-scroll-hint { display: none; }
@media (max-width: 640px) { .progress-scroll-hint { display: block; } }
.progress-deadlines { margin: 0; padding-left: 1.1rem; }
.progress-deadlines li { margin: 0.25rem 0; }
.progress-date { white-space: nowrap; }
.progress-names { max-width: 60rem; }
.progress-names [data-host] { white-space: nowrap; }
.progress-list p { margin: 0.3rem 0; }
.progress-snapshot h3 { margin-top: 1.2rem; }
.progress-key dt { font-weight: 600; }
.progress-key dd { margin: 0 0 0.5rem 1rem; }
.progress-lists a[data-download] { display: inline-block; margin-left: 0.5rem; padding: 0.1rem 0.6rem; border: 1px solid currentColor; border-radius: 4px; font-size: 0.85rem; text-decoration: none; white-space: nowrap; }
.progress-lists a[data-download]:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
`;
