import * as Plot from "@observablehq/plot";
import type { FleetRow } from "../lib/model/fleet.js";

/** Devices per business unit, split into those running Kaspersky and the rest. */
export function kasperskyByUnit(rows: readonly FleetRow[], { width, document }: { width: number; document?: Document }): SVGSVGElement | HTMLElement {
  const data = rows.map((r) => ({ unit: r.businessUnit, status: r.coveredProducts.length > 0 ? "Kaspersky" : "Other or none" }));
  return Plot.plot({
    ...(document ? { document } : {}),
    width,
    height: 260,
    marginLeft: 90,
    ariaLabel: "Devices per business unit, running Kaspersky or not",
    ariaDescription: "Horizontal stacked bars: for each business unit, the number of devices running a Kaspersky product the US prohibition covers, and the others.",
    x: { label: "Devices", grid: true },
    y: { label: null },
    color: { legend: true, domain: ["Kaspersky", "Other or none"], range: ["#c0392b", "#b8c2cc"] },
    marks: [Plot.barX(data, Plot.groupY({ x: "count" }, { y: "unit", fill: "status", sort: { y: "-x" }, tip: true })), Plot.ruleX([0])],
  });
}
