/**
 * What Ctrl+P prints on the Memo page: the whole memo, and nothing else. The memo's own HTML (the
 * file the page offers as a download) sits in a shadow root, so its styles stay its own and the
 * page's styles cannot reach it. Hidden on screen, where the preview frame shows the memo; in
 * print the frame, the controls, Framework's sidebar, header and footer are hidden instead.
 */

const HOST_CLASS = "memo-print";
const STYLE_ID = "memo-print-style";

/** The page's print rules, added to the document once. */
const PAGE_STYLE = `
.${HOST_CLASS} { display: none; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  .${HOST_CLASS} { display: block; }
  /* Everything on the page that neither is the memo nor holds it: controls, headings, the preview frame, banners. */
  body :not(.${HOST_CLASS}):not(:has(.${HOST_CLASS})) { display: none !important; }
  #observablehq-sidebar, #observablehq-sidebar-toggle, #observablehq-sidebar-backdrop, #observablehq-header, #observablehq-footer, #observablehq-toc, iframe.memo-preview { display: none !important; }
  html, body { background: white !important; }
  #observablehq-center, #observablehq-main, #observablehq-main .observablehq { margin: 0 !important; padding: 0 !important; max-width: none !important; min-height: 0 !important; }
}`;

/** Inside the shadow root: the memo's own stylesheet, with its `body` rules applied to the memo's wrapper. */
const HOST_STYLE = `:host { all: initial; color-scheme: light; background: white; color: #1a1a1a; }`;

function addPageStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = PAGE_STYLE;
  document.head.append(style);
}

/** The memo's `body { … }` rules, for a wrapper element: a shadow root has no body of its own. */
function scopeBody(css: string): string {
  return css.replace(/(^|[\s,}])body(?=[\s,{.:#[>+~])/g, "$1.memo-body");
}

/**
 * An element for the Memo page that shows only in print, holding the memo (one self-contained
 * HTML file, as toHtml writes it). Its markup is the memo's own, built from escaped text; the
 * parser used here runs no script.
 */
export function printableMemo(memoHtml: string): HTMLElement {
  addPageStyle();
  const parsed = new DOMParser().parseFromString(memoHtml, "text/html");
  const host = document.createElement("div");
  host.className = HOST_CLASS;
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = [HOST_STYLE, ...[...parsed.querySelectorAll("style")].map((s) => scopeBody(s.textContent ?? ""))].join("\n");
  const body = document.createElement("div");
  body.className = "memo-body";
  body.lang = parsed.documentElement.lang || "en";
  body.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  root.append(style, body);
  return host;
}
