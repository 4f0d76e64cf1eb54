/** `offramp summary`: the Overview's headline figures, from the command line. */
import { parseArgs } from "node:util";
import { headline } from "../../src/lib/model/headline.js";
import { asOfDay } from "../../src/lib/util/as-of.js";
import { utcMidnight } from "../../src/lib/util/dates.js";
import { organisationDir } from "../data/paths.js";
import { loadFleet } from "../data/workbook.js";
import { UsageError, type Command } from "./command.js";

export const summary: Command = {
  name: "summary",
  summary: "headline figures for the organisation (devices, Kaspersky devices, days since updates stopped)",
  usage: "offramp summary [--as-of YYYY-MM-DD] [--unit BUSINESS_UNIT] [--data DIR] [--json]",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { "as-of": { type: "string" }, unit: { type: "string" }, data: { type: "string" }, json: { type: "boolean", default: false } },
      strict: true,
    });
    const asOf = values["as-of"] ?? asOfDay(null);
    try {
      utcMidnight(asOf);
    } catch (error) {
      throw new UsageError(`--as-of: ${(error as Error).message}`);
    }
    const dir = values.data ?? organisationDir(io.env);
    const fleet = await loadFleet(dir);
    const units = [...new Set(fleet.rows.map((r) => r.businessUnit))].sort();
    const unit = values.unit ?? null;
    if (unit !== null && !units.includes(unit)) throw new UsageError(`--unit: no business unit "${unit}"; the organisation has ${units.join(", ")}`);
    const figures = headline(fleet.rows, { asOf, updatesStopped: fleet.updatesStopped.date, businessUnit: unit });
    if (values.json) {
      io.out(JSON.stringify({ organisation: fleet.organisation, asOf, businessUnit: unit, updatesStopped: fleet.updatesStopped, ...figures }, null, 2));
      return 0;
    }
    const n = (x: number) => x.toLocaleString("en-US");
    io.out(
      [
        `${fleet.organisation}${unit ? ` — ${unit}` : ""}, as of ${asOf}`,
        `  devices                      ${n(figures.devices)}`,
        `  devices running Kaspersky    ${n(figures.kasperskyDevices)} (${Math.round(figures.kasperskyShare * 100)}%)`,
        `  with frozen signatures       ${n(figures.frozenDevices)}`,
        `  days since updates stopped   ${n(figures.daysSinceUpdatesStopped)} (since ${fleet.updatesStopped.date}, ${fleet.updatesStopped.citation})`,
      ].join("\n"),
    );
    return 0;
  },
};
