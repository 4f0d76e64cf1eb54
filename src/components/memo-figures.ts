import type { Figure } from "../lib/memo/document.js";
import { normaliseSvg } from "../lib/memo/hash.js";
import type { Evaluation } from "../lib/model/evaluate.js";
import type { FleetRow } from "../lib/model/fleet.js";
import { costVersusRisk } from "./compare-charts.js";
import { kasperskyByUnit } from "./kaspersky-by-unit.js";

/**
 * The memo's charts as SVG text, drawn on a DOM of their own (linkedom's worker build, passed in
 * as `parseHTML`) so the markup does not depend on where they are drawn: `offramp memo` in Node
 * and the Memo page's worker produce the same bytes. (Drawn in a page, Plot adds a half-pixel
 * offset on screens whose pixel ratio is 1, so the markup would depend on the screen.)
 */
export function memoFigures(rows: readonly FleetRow[], evaluations: readonly Omit<Evaluation, "draws">[], parseHTML: (html: string) => { document: unknown }): Figure[] {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const doc = document as unknown as Document;
  // A chart with a legend comes wrapped in a <figure>; the memo takes the chart's own <svg>.
  const svg = (node: Element) => {
    const root = node.tagName.toLowerCase() === "svg" ? node : [...node.children].find((c) => c.tagName.toLowerCase() === "svg")!;
    root.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return normaliseSvg(root.outerHTML);
  };
  return [
    { id: "by-unit", svg: svg(kasperskyByUnit(rows, { width: 640, document: doc }) as Element) },
    ...(evaluations.length > 1 ? [{ id: "cost-risk", svg: svg(costVersusRisk(evaluations, { width: 640, document: doc }) as Element) }] : []),
  ];
}
