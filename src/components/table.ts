import * as Inputs from "@observablehq/inputs";
import type { TableOptions } from "@observablehq/inputs";

/** What a read-only table takes: Inputs.table's options without the selection ones, and a name for when it scrolls. */
export type ReadTableOptions<T> = Omit<TableOptions<T>, "select" | "multiple" | "required" | "value"> & {
  /** The table's name, read out when it takes focus to scroll ("Products found"). */
  label?: string;
};

/**
 * A table to read, not to pick rows from: `Inputs.table` with `select: false`, so no row has a
 * checkbox (Inputs 0.12 gives every row one unless told not to: dead tab stops when the page
 * reads no selection), and the empty column those checkboxes leave is hidden too. Columns can
 * still be sorted by clicking their headers. Up to 12 rows show before the table scrolls; a
 * table that scrolls (down or sideways) is one tab stop, so it can be scrolled from the keyboard.
 */
export function readTable<T extends object>(data: Iterable<T> | readonly T[], options: ReadTableOptions<T> = {}): HTMLFormElement {
  const { label, ...rest } = options;
  const form = Inputs.table(data, { rows: 12, ...rest, select: false });
  // Inputs keeps an empty first cell in every row where the checkbox was; hide that column.
  const style = document.createElement("style");
  style.textContent = `#${form.id} tr > :first-child { display: none; }`;
  form.append(style);
  if (label) form.setAttribute("aria-label", label);
  // With no checkbox left, nothing in a scrolling table takes focus: the table itself must.
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => {
      const scrolls = form.scrollHeight > form.clientHeight + 1 || form.scrollWidth > form.clientWidth + 1;
      if (scrolls) form.tabIndex = 0;
      else form.removeAttribute("tabindex");
    }).observe(form);
  }
  return form;
}
