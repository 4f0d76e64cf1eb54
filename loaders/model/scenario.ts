/** Loads a scenario file and everything it names: inventory, profile, assumptions, timeline. */
import { dirname, relative, resolve } from "node:path";
import type { EvaluationContext } from "../../src/lib/model/evaluate.js";
import type { FleetRow } from "../../src/lib/model/fleet.js";
import { assumptionIndex } from "../../src/lib/model/parameters.js";
import type { SourceReport } from "../../src/lib/ingest/types.js";
import type { Assumption, PriceBook, ReplacementOption, Scenario, Timeline } from "../../src/lib/schema/index.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { loadFacts } from "../data/facts.js";
import { loadOrganisation } from "../data/organisation.js";
import { dataDir } from "../data/paths.js";
import { readJson } from "../data/read.js";

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

/**
 * Loads a scenario file; `inventoryFiles` (paths from the working folder) replace its inventory
 * references. The inventory goes through the one `loadOrganisation`, named after the scenario's
 * profile; a scenario records no export date, so relative dates in its files are read against
 * its as-of day (see `readingInstant`).
 */
export async function loadScenario(file: string, inventoryFiles?: readonly string[]): Promise<LoadedScenario> {
  const parsed = parseScenario(await readJson(file), file);
  const base = dirname(resolve(file));
  const scenario: Scenario = inventoryFiles?.length ? { ...parsed, inventory: inventoryFiles.map((f) => ({ file: relative(base, resolve(f)) })) } : parsed;
  const facts = await loadFacts(scenario.programme, dataDir());
  const fleet = await loadOrganisation(
    scenario.inventory.map((ref) => ({ path: resolve(base, ref.file), format: ref.format, mapping: ref.mapping, device: ref.device })),
    { organisation: scenario.profile.name, exportedAt: null, asOf: scenario.asOf },
    facts,
    { label: (path) => relative(base, path), where: file },
  );
  return {
    file,
    scenario,
    rows: fleet.rows,
    sources: fleet.sources,
    assumptions: assumptionIndex(facts.defaults, scenario.assumptions),
    updatesStopped: facts.updatesStopped.date,
    book: facts.book,
    options: facts.options,
    timeline: facts.timeline,
    context: { rows: fleet.rows, defaults: facts.defaults, book: facts.book, options: facts.options, regulation: facts.timeline, updatesStopped: facts.updatesStopped.date },
  };
}
