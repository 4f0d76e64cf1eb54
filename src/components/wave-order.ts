import { html } from "htl";
import type { Wave } from "../lib/schema/index.js";

/**
 * The plan's waves in the order they run, each with "earlier" and "later" buttons. Its `value`
 * is the waves' ids in order; it dispatches "input" when a wave moves, and keeps focus on the
 * button that moved it, so the order can be changed from the keyboard.
 */
export function waveOrder(waves: readonly Wave[]): HTMLElement & { value: string[] } {
  let order = waves.map((w) => w.id);
  const labels = new Map(waves.map((w) => [w.id, w.label]));
  const list = html`<ol class="wave-order" aria-label="Waves, in the order they run"></ol>` as HTMLElement;
  const root = html`<div class="wave-order-input">${list}<style>${STYLE}</style></div>` as unknown as HTMLElement & { value: string[] };
  const render = (focus?: { id: string; direction: "earlier" | "later" }) => {
    list.replaceChildren(
      ...order.map((id, i) => {
        const earlier = html`<button type="button" aria-label=${`Move ${labels.get(id)} earlier`} disabled=${i === 0}>↑ earlier</button>` as HTMLButtonElement;
        const later = html`<button type="button" aria-label=${`Move ${labels.get(id)} later`} disabled=${i === order.length - 1}>↓ later</button>` as HTMLButtonElement;
        const move = (by: -1 | 1) => {
          const next = [...order];
          [next[i], next[i + by]] = [next[i + by]!, next[i]!];
          order = next;
          render({ id, direction: by < 0 ? "earlier" : "later" });
          root.dispatchEvent(new Event("input", { bubbles: true }));
        };
        earlier.onclick = () => move(-1);
        later.onclick = () => move(1);
        const item = html`<li data-wave=${id}><span>${labels.get(id)}</span> ${earlier} ${later}</li>` as HTMLElement;
        if (focus?.id === id) queueMicrotask(() => (focus.direction === "earlier" && !earlier.disabled ? earlier : !later.disabled ? later : earlier).focus());
        return item;
      }),
    );
  };
  render();
  Object.defineProperty(root, "value", { get: () => [...order] });
  return root;
}

const STYLE = `
.wave-order { padding-left: 1.5rem; max-width: 40rem; }
.wave-order li { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.2rem 0; }
.wave-order li span { flex: 1 1 12rem; }
.wave-order button { font: inherit; font-size: 0.85em; padding: 0.1rem 0.5rem; }
`;
