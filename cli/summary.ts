/** `offramp summary`: the Overview's headline figures, from the command line. */
import { parseArgs } from "node:util";
import { frozenRule } from "../src/lib/model/frozen.js";
import { headline } from "../src/lib/model/headline.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { parseScenario } from "../src/lib/scenario/parse.js";
import { asOfDay } from "../src/lib/util/as-of.js";
import { utcMidnight } from "../src/lib/util/dates.js";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir, organisationDir, workbookScenarioFile } from "../loaders/data/paths.js";
import { readJson } from "../loaders/data/read.js";
import { loadFleet } from "../loaders/data/workbook.js";
import { inventoryReport } from "../src/lib/ingest/inventory-report.js";
import { reportInventory } from "./inventory-report.js";
import { UsageError, type Command } from "./command.js";

export const summary: Command = {
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { "as-of": { type: "string" }, unit: { type: "string" }, data: { type: "string" }, scenario: { type: "string" }, json: { type: "boolean", default: false }, "allow-missing": { type: "boolean", default: false } },
      strict: true,
    });
    const asOf = values["as-of"] ?? asOfDay(null);
    try {
      utcMidnight(asOf);
    } catch (error) {
      throw new UsageError(`--as-of: ${(error as Error).message}`);
    }
    // The organisation's profile and assumptions decide which devices with no signature date are frozen: the workbook's scenario.
    const scenarioFile = values.scenario ?? workbookScenarioFile(io.env);
    const scenario = parseScenario(await readJson(scenarioFile), scenarioFile);
    const facts = await loadFacts(scenario.programme, dataDir(io.env));
    const dir = values.data ?? organisationDir(io.env);
    const fleet = await loadFleet(dir, { facts, asOf });
    // Which exports were read, and which could not be: figures from part of an estate must not pass for the whole of it.
    const inventory = inventoryReport(fleet.sources);
    const stop = reportInventory(inventory, io, values["allow-missing"]);
    if (stop !== null) return stop;
    const units = [...new Set(fleet.rows.map((r) => r.businessUnit))].sort();
    const unit = values.unit ?? null;
    if (unit !== null && !units.includes(unit)) throw new UsageError(`--unit: no business unit "${unit}"; the organisation has ${units.join(", ")}`);
    const rule = frozenRule(scenario.profile, assumptionIndex(facts.defaults, scenario.assumptions));
    const figures = headline(fleet.rows, { asOf, updatesStopped: fleet.updatesStopped.date, businessUnit: unit, rule, profile: scenario.profile });
    if (values.json) {
      io.out(JSON.stringify({ organisation: fleet.organisation, asOf, businessUnit: unit, updatesStopped: fleet.updatesStopped, ...figures, inventory }, null, 2));
      return 0;
    }
    const n = (x: number) => x.toLocaleString("en-US");
    io.out(
      [
        `${fleet.organisation}${unit ? ` — ${unit}` : ""}, as of ${asOf}`,
        `  devices                      ${n(figures.devices)}`,
        `  devices running Kaspersky    ${n(figures.kasperskyDevices)} (${Math.round(figures.kasperskyShare * 100)}%)`,
        `  frozen protection            ${n(figures.frozenDevices)}${figures.assumedFrozen ? ` (${n(figures.assumedFrozen)} assumed frozen: no signature date)` : ""}`,
        ...(figures.violations ? [`  violations                   ${n(figures.violations)}`] : []),
        `  days since updates stopped   ${n(figures.daysSinceUpdatesStopped)} (since ${fleet.updatesStopped.date}, ${fleet.updatesStopped.citation})`,
      ].join("\n"),
    );
    return 0;
  },
};
