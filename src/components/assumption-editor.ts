import { same } from "../lib/util/same.js";
import { html } from "htl";
import { outOfBounds } from "../lib/model/bounds.js";
import type { Assumption } from "../lib/schema/index.js";

/**
 * An editable table of assumptions: each with its low/likely/high (or value), unit,
 * confidence and sources, and a mark when it differs from `baseline` (the default or list value).
 * Its `value` is the edited list; it dispatches "input" when a valid value is complete (Enter,
 * Tab or leaving the field), never for a half-typed one. An edit that breaks
 * low <= likely <= high is marked, says why, and is not applied.
 */
export function assumptionEditor(assumptions: readonly Assumption[], baseline: readonly Assumption[] = assumptions): HTMLElement & { value: Assumption[] } {
  const reference = new Map(baseline.map((a) => [a.id, a]));
  const current = assumptions.map((a) => structuredClone(a));
  const table = html`<table class="assumptions">
    <thead><tr><th>Assumption</th><th>Low</th><th>Most likely</th><th>High</th><th>Unit</th><th>Basis</th></tr></thead>
    <tbody></tbody>
  </table>` as unknown as HTMLElement & { value: Assumption[] };
  const body = table.querySelector("tbody")!;
  current.forEach((a, index) => {
    const original = reference.get(a.id) ?? assumptions[index]!;
    const values = a.value.kind === "point" ? [a.value.value] : [a.value.low, a.value.likely, a.value.high];
    const inputs = values.map((v, i) => {
      const input = html`<input type="number" step="any" value=${v} aria-label=${`${a.label}: ${a.value.kind === "point" ? "value" : ["low", "most likely", "high"][i]}`}>` as HTMLInputElement;
      return input;
    });
    const changed = html`<span class="changed" hidden=${same(a.value, original.value)}>changed</span>` as HTMLElement;
    // One cell per column; a single value sits under "most likely".
    const cells = (a.value.kind === "point" ? [null, inputs[0]!, null] : inputs).map((input, i) => {
      const td = document.createElement("td");
      td.dataset.label = ["Low", "Most likely", "High"][i]!;
      if (input) td.append(input);
      else td.className = "empty";
      return td;
    });
    const row = html`<tr data-assumption=${a.id}>
      <td>${a.label} ${changed}</td>
      ${cells}
      <td>${a.unit}</td>
      <td><span class=${`confidence confidence-${a.confidence}`}>${a.confidence}</span> ${a.sources.map((s, i) => html`${i ? " · " : ""}<a href=${s.url} target="_blank" rel="noreferrer noopener">${s.title ?? new URL(s.url).hostname}</a>`)}${a.note ? html`<details><summary>note</summary>${a.note}</details>` : ""}</td>
    </tr>` as HTMLElement;
    body.append(row);
    const problem = html`<span class="problem" role="alert" hidden></span>` as HTMLElement;
    row.querySelector("td")!.append(problem);
    // While typing, only say whether the values can be used; a value is taken when it is complete (Enter, Tab or leaving the field).
    const check = () => {
      const numbers = inputs.map((i) => (i.value.trim() === "" ? NaN : Number(i.value)));
      const ordered = numbers.every(Number.isFinite) && (numbers.length === 1 || (numbers[0]! <= numbers[1]! && numbers[1]! <= numbers[2]!));
      const bounds = ordered ? outOfBounds(numbers.length === 1 ? { kind: "point", value: numbers[0]! } : { kind: "range", low: numbers[0]!, likely: numbers[1]!, high: numbers[2]! }, original) : null;
      const valid = ordered && bounds === null;
      row.classList.toggle("invalid", !valid);
      problem.hidden = valid;
      problem.textContent = valid ? "" : bounds ? `Not used: this value ${bounds}.` : numbers.every(Number.isFinite) ? `Not used: low ≤ most likely ≤ high is needed (${numbers.join(" / ")}).` : "Not used: every box needs a number.";
      return valid ? numbers : null;
    };
    const update = () => {
      const numbers = check();
      if (!numbers) return;
      a.value = numbers.length === 1 ? { kind: "point", value: numbers[0]! } : { kind: "range", low: numbers[0]!, likely: numbers[1]!, high: numbers[2]! };
      changed.hidden = same(a.value, original.value);
      table.value = current.map((x) => structuredClone(x));
      table.dispatchEvent(new Event("input"));
    };
    for (const input of inputs) {
      input.addEventListener("input", (event) => (event.stopPropagation(), check()));
      input.addEventListener("change", (event) => (event.stopPropagation(), update()));
    }
  });
  table.value = current.map((x) => structuredClone(x));
  const wrapper = html`<div class="assumption-editor"><style>${STYLE}</style>${table}</div>` as unknown as HTMLElement & { value: Assumption[] };
  Object.defineProperty(wrapper, "value", { get: () => table.value });
  table.addEventListener("input", (event) => {
    if (event.target !== table) return;
    event.stopPropagation();
    wrapper.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return wrapper;
}

const STYLE = `
.assumption-editor .assumptions { max-width: none; width: 100%; }
.assumption-editor input { width: 7rem; }
.assumption-editor tr.invalid input { outline: 2px solid #c0392b; }
.assumption-editor .problem { display: block; color: #a93226; font-size: 0.85em; }
.assumption-editor .changed { font-size: 0.75em; color: #d35400; margin-left: 0.3rem; }
.assumption-editor .confidence { font-size: 0.75em; border-radius: 999px; padding: 0.05rem 0.4rem; background: var(--theme-background-alt); }
.assumption-editor .confidence-assumption { background: #fdebd0; }
.assumption-editor td { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .assumption-editor thead { display: none; }
  .assumption-editor tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid var(--theme-foreground-faintest); }
  .assumption-editor td { display: block; padding: 0.1rem 0; border: none; }
  .assumption-editor td[data-label]::before { content: attr(data-label) ": "; display: inline-block; min-width: 6.5rem; color: var(--theme-foreground-muted); }
  .assumption-editor td.empty { display: none; }
}`;
