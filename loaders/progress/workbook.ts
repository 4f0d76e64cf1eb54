/**
 * The organisation's own dated snapshots for the Progress page, read at build time: the ones its
 * folder's manifest lists (`snapshots: [{date, folder}]`), through the same `readSnapshot` as
 * `offramp track`. The page tracks the current scenario with them in its worker (trackScenario,
 * as the CLI does), so edits made anywhere in the workbook reach its figures.
 */
import { join, relative, resolve } from "node:path";
import { z } from "zod";
import { inventoryReport, type InventoryReport } from "../../src/lib/ingest/inventory-report.js";
import type { Snapshot } from "../../src/lib/progress/snapshot.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { PlanningDate } from "../../src/lib/schema/index.js";
import { loadFacts } from "../data/facts.js";
import { dataDir, inside, organisationDir, workbookScenarioFile } from "../data/paths.js";
import { readJson } from "../data/read.js";
import { hintsFrom, readSnapshot } from "./snapshots.js";
import { leftOutReason } from "../../src/lib/progress/report.js";

/** The part of an organisation's manifest that lists its snapshots (the rest is read by `loadFleet`). */
const SnapshotList = z.object({ snapshots: z.array(z.object({ date: PlanningDate, folder: z.string().min(1) })).optional() }).loose();

export interface WorkbookProgress {
  /** The snapshots the manifest lists, with the files each read (paths relative to the organisation folder). */
  listed: { date: string; folder: string; sources: InventoryReport }[];
  /** Listed snapshots that are not tracked, and why (outside the folder, no readable export, dated before the scenario's inventory). */
  skipped: { date: string; folder: string; reason: string }[];
  /** The snapshots to track, in date order. */
  snapshots: Snapshot[];
}

async function manifestSnapshots(dir: string): Promise<{ date: string; folder: string }[]> {
  let raw: unknown;
  try {
    raw = await readJson(join(dir, "manifest.json"));
  } catch (error) {
    if (/cannot be read \(ENOENT\)/.test((error as Error).message)) return [];
    throw error;
  }
  const parsed = SnapshotList.safeParse(raw);
  if (!parsed.success) throw new Error(`${join(dir, "manifest.json")}: snapshots: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return [...(parsed.data.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date));
}


export async function loadWorkbookProgress(env: NodeJS.ProcessEnv = process.env): Promise<WorkbookProgress> {
  const dir = organisationDir(env);
  const file = workbookScenarioFile(env);
  const scenario = parseScenario(await readJson(file), file);
  const facts = await loadFacts(scenario.programme, dataDir(env));
  const listed: WorkbookProgress["listed"] = [];
  const skipped: WorkbookProgress["skipped"] = [];
  const snapshots = [];
  for (const entry of await manifestSnapshots(dir)) {
    const path = resolve(dir, entry.folder);
    if (!(await inside(path, [dir]))) {
      skipped.push({ ...entry, reason: "is outside the organisation's folder, so it was not read" });
      continue;
    }
    const read = await readSnapshot({ date: entry.date, path }, facts.compiled, undefined, hintsFrom(scenario.inventory));
    // Paths relative to the organisation folder: the build machine's own paths stay off the page.
    const snapshot = { ...read, label: entry.folder, sources: read.sources.map((s) => ({ ...s, file: relative(dir, s.file) })) };
    const sources = inventoryReport(snapshot.sources);
    listed.push({ ...entry, sources });
    if (sources.read.length === 0) skipped.push({ ...entry, reason: "has no readable export" });
    else if (leftOutReason(entry, scenario.asOf)) skipped.push({ ...entry, reason: leftOutReason(entry, scenario.asOf)! });
    else snapshots.push(snapshot);
  }
  return { listed, skipped, snapshots };
}
