// Observable Framework configuration for the Offramp workbook.
import { readFileSync } from "node:fs";

const a11yShim = readFileSync(new URL("./src/a11y-shim.js", import.meta.url), "utf8");
// Everything is served from the site itself: no web fonts, no CDN, no telemetry
// (OBSERVABLE_TELEMETRY_DISABLE is set by the npm scripts).
export default {
  title: "Offramp",
  root: "src",
  output: "dist",
  pages: [
    { name: "Inventory", path: "/inventory" },
    { name: "Regulation", path: "/regulation" },
    { name: "Exposure", path: "/exposure" },
    { name: "Cost", path: "/cost" },
    { name: "Timeline", path: "/timeline" },
    { name: "Progress", path: "/progress" },
    { name: "Scenarios", path: "/scenarios" },
    { name: "Memo", path: "/memo" },
  ],
  // Replaces Framework's default stylesheet list, which links Google Fonts.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  // Only the site itself: no other host can be reached for scripts, styles, fonts, images or
  // data, so a page cannot send a byte anywhere else even if something tried. (Framework's
  // pages use inline module scripts; workers come from the site or, for unzipping workbooks, blob:.)
  head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob: data:; worker-src 'self' blob:; frame-src 'self' blob: data:; object-src 'none'; base-uri 'self'; form-action 'none'">
<link rel="icon" href="data:,">
<style>#observablehq-sidebar .observablehq-link a, .muted, #observablehq-footer { color: #4a4a4a; } #observablehq-main :is(p, li, td) a { text-decoration: underline; text-underline-offset: 2px; }
@media (max-width: 640px) { #observablehq-main table:not(.assumptions) { display: block; overflow-x: auto; max-width: 100%; } }
.skip-link { position: fixed; top: 0.5rem; left: 0.5rem; z-index: 1000; padding: 0.5rem 0.75rem; background: var(--theme-background); color: var(--theme-foreground); border: 2px solid var(--theme-foreground-focus); border-radius: 4px; font-weight: 600; text-decoration: underline; transform: translateY(calc(-100% - 1rem)); }
.skip-link:focus { transform: none; outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
#observablehq-main:focus { outline: none; }</style>
<script>${a11yShim}</script>`,
  header: "",
  footer: "Offramp · everything on this page was computed in your browser; nothing was sent anywhere.",
  // Links keep their .html extension so dist/ works from any static file server and sub-path.
  preserveExtension: true,
  search: false,
  toc: false,
  pager: false,
  sidebar: true,
};
