/**
 * The facts every scenario is evaluated against, read and validated in one place: the programme's
 * product catalog and regulatory timeline, the model's default assumptions, the price book and
 * the replacement options. The CLI and every Framework data loader read them here, so they
 * cannot disagree about which files, which folder or which validation.
 */
import { join } from "node:path";
import { compileCatalog, type CompiledCatalog } from "../../src/lib/catalog/match.js";
import { eventInstant, milestone } from "../../src/lib/regulation/milestones.js";
import { AssumptionSet, Catalog, PriceBook, ReplacementOptions, type Assumption, type ReplacementOption, type Timeline } from "../../src/lib/schema/index.js";
import { dataDir } from "./paths.js";
import { readValidated } from "./read.js";
import { loadTimeline } from "./regulation.js";

/** The day (`YYYY-MM-DD`) and instant the vendor's updates stopped, with the event that says so. */
export interface UpdatesStopped {
  date: string;
  instant: string;
  eventId: string;
  citation: string;
}

export interface Facts {
  programme: string;
  /** The catalog as validated from `catalogs/<programme>.json` (what the browser's ingest worker receives). */
  catalog: Catalog;
  /** The same catalog compiled for matching inventory records. */
  compiled: CompiledCatalog;
  /** `timelines/<programme>.json`. */
  timeline: Timeline;
  /** The model's default assumptions (`assumptions.json`). */
  defaults: Assumption[];
  /** `pricebook.json`. */
  book: PriceBook;
  /** `replacement-options.json`. */
  options: ReplacementOption[];
  updatesStopped: UpdatesStopped;
}

/**
 * Reads and validates a programme's facts from `root` (data/, or OFFRAMP_DATA_ROOT). An invalid
 * file fails with the file, the record and the field named; a timeline without an
 * "updatesStopped" milestone fails too, since every figure is measured from it.
 */
export async function loadFacts(programme: string, root = dataDir()): Promise<Facts> {
  const [catalog, timeline, assumptions, book, options] = await Promise.all([
    readValidated(join(root, "catalogs", `${programme}.json`), Catalog),
    loadTimeline(programme, root),
    readValidated(join(root, "assumptions.json"), AssumptionSet),
    readValidated(join(root, "pricebook.json"), PriceBook),
    readValidated(join(root, "replacement-options.json"), ReplacementOptions),
  ]);
  const cutoff = milestone(timeline, "updatesStopped");
  return {
    programme,
    catalog,
    compiled: compileCatalog(catalog),
    timeline,
    defaults: assumptions.assumptions,
    book,
    options: options.options,
    updatesStopped: { date: cutoff.date, instant: eventInstant(cutoff).toISOString(), eventId: cutoff.id, citation: cutoff.citation },
  };
}
