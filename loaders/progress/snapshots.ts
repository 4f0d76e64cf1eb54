/** Reads dated snapshots (`DATE=PATH`, a file or a folder of exports) from disk, and tracks a scenario's plan with them. */
import { lstat, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CompiledCatalog } from "../../src/lib/catalog/match.js";
import { evaluateInDetail } from "../../src/lib/model/evaluate.js";
import { trackScenario, type ProgressReport } from "../../src/lib/progress/report.js";
import { readingHints, snapshotOf, type Snapshot } from "../../src/lib/progress/snapshot.js";
import { PlanningDate, type InventorySourceRef } from "../../src/lib/schema/index.js";
import { inventoryReport, type InventoryReport } from "../../src/lib/ingest/inventory-report.js";
import { ingestFiles, type FileSpec } from "../ingest/files.js";
import type { LoadedScenario } from "../model/scenario.js";

export interface SnapshotSpec {
  date: string;
  path: string;
}

/** At most this many files are read from one snapshot folder. */
export const MAX_SNAPSHOT_FILES = 1000;

/** `2027-03-01=exports/march` → its date and path; anything else is a message saying what is wrong. */
export function parseSnapshotSpec(text: string): SnapshotSpec {
  const at = text.indexOf("=");
  if (at < 0) throw new SnapshotSpecError(`--snapshot: expected DATE=PATH (for example 2027-03-01=exports/march), got "${text}"`);
  const date = text.slice(0, at);
  const path = text.slice(at + 1);
  if (!PlanningDate.safeParse(date).success) throw new SnapshotSpecError(`--snapshot: "${date}" is not a date (YYYY-MM-DD) in the years the workbook plans for`);
  if (!path) throw new SnapshotSpecError(`--snapshot: ${date} names no file or folder`);
  return { date, path };
}

export class SnapshotSpecError extends Error {}

/**
 * The files of a snapshot: the file itself, or every regular file directly in the folder
 * (sorted; hidden files, subfolders and links are not read, and are reported as such).
 */
async function filesOf(path: string): Promise<FileSpec[]> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    return [{ path, refused: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }];
  }
  if (!info.isDirectory()) return [{ path }];
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
  const specs: FileSpec[] = entries.map((e) => (e.isFile() ? { path: join(path, e.name) } : { path: join(path, e.name), refused: e.isDirectory() ? "is a folder inside the snapshot's folder (only the files directly in it are read)" : "is a link or a device, not a regular file, so it was not read" }));
  if (specs.length > MAX_SNAPSHOT_FILES) return [{ path, refused: `holds ${specs.length} files; a snapshot reads at most ${MAX_SNAPSHOT_FILES}` }];
  return specs;
}

/**
 * How to read a file, by its name: a snapshot is the same exports taken again, so each file is
 * read as the scenario reads the export of the same name (its format, column mapping, or the
 * device an SBOM describes).
 */
export type ReadingHints = ReadonlyMap<string, Pick<FileSpec, "format" | "mapping" | "device">>;

/** The scenario's inventory references as reading hints, by file name. */
export function hintsFrom(refs: readonly InventorySourceRef[]): ReadingHints {
  return new Map(readingHints(refs));
}

/** Reads one snapshot through the same ingestion as `offramp ingest`. */
export async function readSnapshot(spec: SnapshotSpec, catalog: CompiledCatalog, onProgress?: (file: string, read: number, total: number) => void, hints: ReadingHints = new Map()): Promise<Snapshot> {
  const files = (await filesOf(spec.path)).map((f) => ({ ...hints.get(basename(f.path)), ...f }));
  const inventory = await ingestFiles(files, { catalog, now: `${spec.date}T12:00:00.000Z`, onProgress });
  return snapshotOf(spec.date, spec.path, inventory, catalog);
}

export interface ReadSnapshots {
  snapshots: Snapshot[];
  /** Each snapshot's files read and not read. */
  reports: { spec: SnapshotSpec; report: InventoryReport }[];
  /** What makes the set unusable: a date given twice, a snapshot with no readable export. */
  problems: string[];
}

/** Reads every snapshot, and says what would make figures from them wrong (for `track` and `memo` alike). */
export async function readSnapshots(specs: readonly SnapshotSpec[], catalog: CompiledCatalog, options: { hints?: ReadingHints; onProgress?: (file: string, read: number, total: number) => void } = {}): Promise<ReadSnapshots> {
  const problems: string[] = [];
  const dates = specs.map((s) => s.date);
  for (const date of new Set(dates.filter((d, i) => dates.indexOf(d) !== i))) problems.push(`two snapshots are dated ${date}; give each date once`);
  const snapshots: Snapshot[] = [];
  const reports: ReadSnapshots["reports"] = [];
  for (const spec of specs) {
    const snapshot = await readSnapshot(spec, catalog, options.onProgress, options.hints);
    const report = inventoryReport(snapshot.sources);
    reports.push({ spec, report });
    // A snapshot of nothing would read as every device migrated.
    if (report.read.length === 0) problems.push(`the snapshot dated ${spec.date} (${spec.path}) has no readable export`);
    snapshots.push(snapshot);
  }
  return { snapshots, reports, problems };
}

/** The scenario's plan, evaluated once, against the snapshots; its own inventory is the first (the devices the plan starts with). */
export function trackLoaded(loaded: LoadedScenario, snapshots: readonly Snapshot[]): ProgressReport {
  return trackScenario(loaded.scenario, loaded.context.options, loaded.context.rows, evaluateInDetail(loaded.scenario, loaded.context).timeline, snapshots);
}

