/** Loads a scenario file and everything it names: inventory, profile, assumptions, timeline. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { EvaluationContext } from "../../src/lib/model/evaluate.js";
import type { FleetRow } from "../../src/lib/model/fleet.js";
import { assumptionIndex } from "../../src/lib/model/parameters.js";
import type { SourceReport } from "../../src/lib/ingest/types.js";
import type { Assumption, InventorySourceRef, PriceBook, ReplacementOption, Scenario, Timeline } from "../../src/lib/schema/index.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { loadFacts, type Facts } from "../data/facts.js";
import { loadOrganisation } from "../data/organisation.js";
import { dataDir, inside, organisationDir } from "../data/paths.js";
import { readJson } from "../data/read.js";
import type { InstallRow } from "../../src/lib/model/breakdown.js";

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  rows: FleetRow[];
  sources: SourceReport[];
  /** The matched installs (for the memo's list of devices to review). */
  installs: InstallRow[];
  assumptions: Map<string, Assumption>;
  updatesStopped: string;
  book: PriceBook;
  options: ReplacementOption[];
  timeline: Timeline;
  /** What `evaluateScenario` needs to evaluate this scenario (or another against the same fleet). */
  context: EvaluationContext;
  /**
   * What the reader should know but that did not stop the load: an inventory file whose bytes no
   * longer match the SHA-256 the scenario recorded (the figures are from the file as it is now).
   */
  warnings: string[];
}

/** What `evaluateScenario` needs: the workbook's facts and an organisation's fleet rows. */
export const contextOf = (facts: Facts, rows: FleetRow[]): EvaluationContext => ({ rows, defaults: facts.defaults, book: facts.book, options: facts.options, regulation: facts.timeline, updatesStopped: facts.updatesStopped.date });

/** SHA-256 of a file's bytes, as lowercase hex; null when the file cannot be read (ingest reports why). */
export async function fileSha256(path: string): Promise<string | null> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest("hex");
}

/**
 * A warning for each reference whose file's bytes differ from the SHA-256 it carries. A mismatch
 * is never fatal: the scenario still loads, on the file as it is now.
 */
export async function hashWarnings(refs: readonly InventorySourceRef[], base: string, refused: ReadonlySet<string> = new Set()): Promise<string[]> {
  const warnings: string[] = [];
  for (const ref of refs) {
    if (!ref.sha256) continue;
    const path = resolve(base, ref.file);
    // What ingest will not read (outside the allowed folders, or not a regular file) is not opened to hash either.
    if (refused.has(path) || !(await stat(path).then((s) => s.isFile()).catch(() => false))) continue;
    const actual = await fileSha256(path);
    if (actual !== null && actual !== ref.sha256) {
      warnings.push(`${relative(base, path)}: its contents differ from the scenario's (sha256 ${actual.slice(0, 16)}…, the scenario recorded ${ref.sha256.slice(0, 16)}…); figures are from the file as it is now`);
    }
  }
  return warnings;
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
  // A scenario may name files in its own folder or the data folder; files given on the command line are the user's own choice.
  const roots = inventoryFiles?.length ? null : [base, dataDir(), organisationDir()];
  const specs = await Promise.all(
    scenario.inventory.map(async (ref) => {
      const path = resolve(base, ref.file);
      const refused = roots && !(await inside(path, roots)) ? "is outside the scenario's folder and the data folder, so it was not read; name it on the command line (--inventory FILE) to read it" : undefined;
      return { path, format: ref.format, mapping: ref.mapping, device: ref.device, ...(refused ? { refused } : {}) };
    }),
  );
  const [fleet, warnings] = await Promise.all([
    loadOrganisation(
      specs,
      { organisation: scenario.profile.name, exportedAt: null, asOf: scenario.asOf },
      facts,
      { label: (path) => relative(base, path), where: file },
    ),
    hashWarnings(scenario.inventory, base, new Set(specs.filter((spec) => spec.refused).map((spec) => spec.path))),
  ]);
  return {
    file,
    scenario,
    rows: fleet.rows,
    sources: fleet.sources,
    installs: fleet.installs,
    assumptions: assumptionIndex(facts.defaults, scenario.assumptions),
    updatesStopped: facts.updatesStopped.date,
    book: facts.book,
    options: facts.options,
    timeline: facts.timeline,
    context: contextOf(facts, fleet.rows),
    warnings,
  };
}
