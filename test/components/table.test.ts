// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/components/table.js";

describe("readTable", () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ product: `Product ${i}`, installs: 30 - i }));

  it("has no row checkboxes (select: false) and hides the empty column they leave", () => {
    const form = readTable(rows, { header: { product: "Catalog product", installs: "Installs" } });
    expect(form.querySelectorAll("input").length).toBe(0);
    expect([...form.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["", "Catalog product", "Installs"]);
    expect(form.querySelector("style:last-of-type")?.textContent).toBe(`#${form.id} tr > :first-child { display: none; }`);
  });

  it("shows up to 12 rows' worth at first (Inputs renders twice the visible rows), and takes Inputs' other options", () => {
    expect(readTable(rows).querySelectorAll("tbody tr").length).toBe(24);
    expect(readTable(rows, { rows: 5 }).querySelectorAll("tbody tr").length).toBe(10);
  });

  it("names the table when given a label", () => {
    expect(readTable(rows, { label: "Products found" }).getAttribute("aria-label")).toBe("Products found");
    expect(readTable(rows).hasAttribute("aria-label")).toBe(false);
  });
});
