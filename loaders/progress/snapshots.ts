/** Reads dated snapshots (`DATE=PATH`, a file or a folder of exports) from disk, and tracks a scenario's plan with them. */
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { CompiledCatalog } from "../../src/lib/catalog/match.js";
import { evaluateInDetail } from "../../src/lib/model/evaluate.js";
import { trackScenario, type ProgressReport } from "../../src/lib/progress/report.js";
import { snapshotOf, type Snapshot } from "../../src/lib/progress/snapshot.js";
import { PlanningDate } from "../../src/lib/schema/index.js";
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

/** Reads one snapshot through the same ingestion as `offramp ingest`. */
export async function readSnapshot(spec: SnapshotSpec, catalog: CompiledCatalog, onProgress?: (file: string, read: number, total: number) => void): Promise<Snapshot> {
  const inventory = await ingestFiles(await filesOf(spec.path), { catalog, now: `${spec.date}T12:00:00.000Z`, onProgress });
  return snapshotOf(spec.date, spec.path, inventory, catalog);
}

/** The scenario's plan, evaluated once, against the snapshots; its own inventory is the first (the devices the plan starts with). */
export function trackLoaded(loaded: LoadedScenario, snapshots: readonly Snapshot[]): ProgressReport {
  return trackScenario(loaded.scenario, loaded.context.rows, evaluateInDetail(loaded.scenario, loaded.context).timeline, snapshots);
}

/** The same from an evaluation already made (the memo's): its timeline is the plan's band. */
export const progressOf = trackScenario;
