import * as Plot from "@observablehq/plot";
import type { BreakdownRow } from "../lib/model/breakdown.js";
import { KASPERSKY_STATUS, kasperskyColor, kasperskyStack } from "./kaspersky-by-unit.js";

/** Kaspersky devices against all devices for each group, as horizontal bars (top 20), Kaspersky from the axis as on the Overview. */
export function breakdownChart(rows: readonly BreakdownRow[], { width, label }: { width: number; label: string }): SVGSVGElement | HTMLElement {
  const top = rows.slice(0, 20);
  const long = top.flatMap((r) => [
    { key: r.key, status: KASPERSKY_STATUS[0], count: r.kasperskyDevices },
    { key: r.key, status: KASPERSKY_STATUS[1], count: r.devices - r.kasperskyDevices },
  ]);
  return Plot.plot({
    width,
    height: 40 + top.length * 22,
    marginLeft: Math.min(260, 8 + 6.5 * Math.max(4, ...top.map((r) => r.key.length))),
    ariaLabel: `Devices by ${label}`,
    ariaDescription: `For each ${label}, devices running Kaspersky (from the axis) and the others; the table below has the same figures.`,
    x: { label: "Devices", grid: true },
    y: { label: null, domain: top.map((r) => r.key) },
    color: kasperskyColor,
    marks: [Plot.barX(long, { x: "count", y: "key", ...kasperskyStack, tip: true }), Plot.ruleX([0])],
  });
}
