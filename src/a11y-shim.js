// Accessibility fixes for markup this project does not write itself (Framework's page chrome,
// Plot's SVG groups, Inputs' range sliders and table checkboxes), applied as it appears, and a
// skip link Framework does not provide.
document.documentElement.lang = "en";
function fix(root) {
  for (const g of root.querySelectorAll?.("svg g[aria-label]:not([role])") ?? []) g.setAttribute("role", "group");
  for (const input of root.querySelectorAll?.("form input[type=range]:not([aria-label])") ?? []) {
    const label = input.closest("form")?.querySelector("label")?.textContent?.trim();
    if (label) input.setAttribute("aria-label", label);
  }
  for (const box of root.querySelectorAll?.("table input[type=checkbox]:not([aria-label])") ?? []) box.setAttribute("aria-label", box.closest("thead") ? "Select all rows" : "Select this row");
}
// "Skip to content": the first stop in the tab order on every page, shown when focused (see the
// .skip-link style in observablehq.config.js). It moves focus to the start of the page's main
// content (the workbook banner, then the heading), past the sidebar, without touching the URL's
// fragment (the Scenarios page carries a shared scenario there).
function skipLink() {
  if (document.getElementById("skip-to-content")) return;
  const link = document.createElement("a");
  link.id = "skip-to-content";
  link.className = "skip-link";
  link.href = "#observablehq-main";
  link.textContent = "Skip to content";
  link.addEventListener("click", (event) => {
    const main = document.getElementById("observablehq-main");
    if (!main) return;
    event.preventDefault();
    if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
    main.focus();
    main.scrollIntoView({ block: "start" });
  });
  document.body.prepend(link);
}
addEventListener("DOMContentLoaded", () => {
  skipLink();
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
