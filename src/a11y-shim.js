// Accessibility fixes for markup this project does not write itself (Framework's page chrome,
// Plot's SVG groups, Inputs' range sliders and table checkboxes), applied as it appears.
document.documentElement.lang = "en";
function fix(root) {
  for (const g of root.querySelectorAll?.("svg g[aria-label]:not([role])") ?? []) g.setAttribute("role", "group");
  for (const input of root.querySelectorAll?.("form input[type=range]:not([aria-label])") ?? []) {
    const label = input.closest("form")?.querySelector("label")?.textContent?.trim();
    if (label) input.setAttribute("aria-label", label);
  }
  for (const box of root.querySelectorAll?.("table input[type=checkbox]:not([aria-label])") ?? []) box.setAttribute("aria-label", box.closest("thead") ? "Select all rows" : "Select this row");
}
addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("observablehq-sidebar-toggle");
  if (toggle) toggle.setAttribute("aria-label", "Show or hide the sidebar");
  // A <label> directly inside the sidebar's list breaks the list for screen readers: move it out.
  const close = document.getElementById("observablehq-sidebar-close");
  if (close && close.parentElement?.tagName === "OL") close.parentElement.before(close);
  fix(document);
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) fix(node.parentElement ?? node);
  }).observe(document.body, { childList: true, subtree: true });
});
