/** Loads a scenario file and everything it names: inventory, profile, assumptions, timeline. */
import { dirname, join, relative, resolve } from "node:path";
import { compileCatalog } from "../../src/lib/catalog/match.js";
import { inventoryView } from "../../src/lib/ingest/inventory-view.js";
import type { EvaluationContext } from "../../src/lib/model/evaluate.js";
import type { FleetRow } from "../../src/lib/model/fleet.js";
import { assumptionIndex } from "../../src/lib/model/parameters.js";
import { milestone } from "../../src/lib/regulation/milestones.js";
import type { SourceReport } from "../../src/lib/ingest/types.js";
import { AssumptionSet, Catalog, PriceBook, ReplacementOptions, type Assumption, type Scenario, type ReplacementOption, type Timeline } from "../../src/lib/schema/index.js";
import { loadTimeline } from "../data/regulation.js";
import { dataDir } from "../data/paths.js";
import { readJson, readValidated } from "../data/read.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { ingestFiles } from "../ingest/files.js";

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  rows: FleetRow[];
  sources: SourceReport[];
  assumptions: Map<string, Assumption>;
  updatesStopped: string;
  book: PriceBook;
  options: ReplacementOption[];
  timeline: Timeline;
  /** What `evaluateScenario` needs to evaluate this scenario (or another against the same fleet). */
  context: EvaluationContext;
}

/** Loads a scenario file; `inventory` (paths from the working folder) replaces its inventory references. */
export async function loadScenario(file: string, inventoryFiles?: readonly string[]): Promise<LoadedScenario> {
  const parsed = parseScenario(await readJson(file), file);
  const scenario: Scenario = inventoryFiles?.length ? { ...parsed, inventory: inventoryFiles.map((f) => ({ file: relative(dirname(resolve(file)), resolve(f)) })) } : parsed;
  const root = dataDir();
  const [catalogData, timeline, defaults, book, options] = await Promise.all([
    readValidated(join(root, "catalogs", `${scenario.programme}.json`), Catalog),
    loadTimeline(scenario.programme, root),
    readValidated(join(root, "assumptions.json"), AssumptionSet),
    readValidated(join(root, "pricebook.json"), PriceBook),
    readValidated(join(root, "replacement-options.json"), ReplacementOptions),
  ]);
  const catalog = compileCatalog(catalogData);
  const base = dirname(resolve(file));
  const inventory = await ingestFiles(
    scenario.inventory.map((ref) => ({ path: resolve(base, ref.file), format: ref.format, mapping: ref.mapping, device: ref.device })),
    { catalog, now: `${scenario.asOf}T00:00:00Z`, label: (path) => relative(base, path) },
  );
  if (!inventory.sources.some((s) => s.fatal === null)) throw new Error(`${file}: none of the scenario's inventory files could be read (${inventory.sources.map((s) => `${s.file}: ${s.fatal}`).join("; ")})`);
  const view = inventoryView(inventory, catalog);
  return {
    file,
    scenario,
    rows: view.rows,
    sources: view.sources,
    assumptions: assumptionIndex(defaults.assumptions, scenario.assumptions),
    updatesStopped: milestone(timeline, "updatesStopped").date,
    book,
    options: options.options,
    timeline,
    context: { rows: view.rows, defaults: defaults.assumptions, book, options: options.options, regulation: timeline, updatesStopped: milestone(timeline, "updatesStopped").date },
  };
}
