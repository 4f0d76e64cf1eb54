import * as Plot from "@observablehq/plot";
import type { FleetRow } from "../lib/model/fleet.js";

/** The two groups of every Kaspersky-or-not bar chart, in the order they stack from the axis: Kaspersky first, so its count reads from zero. */
export const KASPERSKY_STATUS = ["Kaspersky", "Other or none"] as const;
type KasperskyStatus = (typeof KASPERSKY_STATUS)[number];

/** One colour scale and legend for Kaspersky devices and the rest, on every page and in the memo. */
export const kasperskyColor = { legend: true, domain: [...KASPERSKY_STATUS], range: ["#c0392b", "#b8c2cc"] };

/** Stacking options that put Kaspersky devices on the left of each bar, whatever order the data come in. */
export const kasperskyStack: { fill: "status"; order: string[] } = { fill: "status", order: [...KASPERSKY_STATUS] };

/** Devices per business unit, split into those running Kaspersky and the rest. */
export function kasperskyByUnit(rows: readonly FleetRow[], { width, document }: { width: number; document?: Document }): SVGSVGElement | HTMLElement {
  const data = rows.map((r) => ({ unit: r.businessUnit, status: (r.coveredProducts.length > 0 ? KASPERSKY_STATUS[0] : KASPERSKY_STATUS[1]) as KasperskyStatus }));
  return Plot.plot({
    ...(document ? { document } : {}),
    width,
    height: 260,
    marginLeft: 90,
    ariaLabel: "Devices per business unit, running Kaspersky or not",
    ariaDescription: "Horizontal stacked bars: for each business unit, the number of devices running a Kaspersky product the US prohibition covers (from the axis), then the others.",
    x: { label: "Devices", grid: true },
    y: { label: null },
    color: kasperskyColor,
    marks: [Plot.barX(data, Plot.groupY({ x: "count" }, { y: "unit", ...kasperskyStack, sort: { y: "-x" }, tip: true })), Plot.ruleX([0])],
  });
}
