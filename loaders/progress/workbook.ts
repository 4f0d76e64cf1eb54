/**
 * The Progress page's figures at build time: the workbook's scenario tracked with the dated
 * snapshots its organisation folder's manifest lists (`snapshots: [{date, folder}]`), through the
 * same `readSnapshot` and `trackLoaded` as `offramp track`, so the page and the CLI agree.
 */
import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { z } from "zod";
import { inventoryReport, type InventoryReport } from "../../src/lib/ingest/inventory-report.js";
import { evaluateInDetail } from "../../src/lib/model/evaluate.js";
import type { TimelineReport } from "../../src/lib/model/timeline-report.js";
import type { ProgressReport } from "../../src/lib/progress/report.js";
import { PlanningDate } from "../../src/lib/schema/index.js";
import { loadFacts } from "../data/facts.js";
import { dataDir, organisationDir, workbookScenarioFile } from "../data/paths.js";
import { readJson } from "../data/read.js";
import { loadScenario } from "../model/scenario.js";
import { readSnapshot, trackLoaded } from "./snapshots.js";

/** The part of an organisation's manifest that lists its snapshots (the rest is read by `loadFleet`). */
const SnapshotList = z.object({ snapshots: z.array(z.object({ date: PlanningDate, folder: z.string().min(1) })).optional() }).loose();

export interface WorkbookProgress {
  organisation: string;
  scenario: { name: string; file: string; asOf: string; trials: number; seed: number };
  /** Whether the scenario has a plan to track against (without one there is no band and no re-forecast). */
  hasPlan: boolean;
  /** The snapshots the manifest lists, with the files each read (paths relative to the organisation folder). */
  listed: { date: string; folder: string; sources: InventoryReport }[];
  /** Listed snapshots that were not tracked, and why (outside the folder, no readable export, dated before the plan's inventory). */
  skipped: { date: string; folder: string; reason: string }[];
  /** `trackLoaded`'s report (the scenario's inventory first, then the listed snapshots); no snapshots when the manifest lists none. */
  report: ProgressReport;
  /** The plan's simulated burn-down (weekly P10/P50/P90 of devices still on Kaspersky) from its start, for the chart. */
  plan: { start: string; devices: number; burnDown: TimelineReport["burnDown"] } | null;
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

/** Whether `path` (links followed) lies inside `root`. */
async function inside(path: string, root: string): Promise<boolean> {
  const [real, realRoot] = await Promise.all([realpath(path).catch(() => path), realpath(root).catch(() => root)]);
  const r = relative(realRoot, real);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

export async function loadWorkbookProgress(env: NodeJS.ProcessEnv = process.env): Promise<WorkbookProgress> {
  const dir = organisationDir(env);
  const file = workbookScenarioFile(env);
  const loaded = await loadScenario(file);
  const { scenario } = loaded;
  const facts = await loadFacts(scenario.programme, dataDir(env));
  const listed: WorkbookProgress["listed"] = [];
  const skipped: WorkbookProgress["skipped"] = [];
  const snapshots = [];
  for (const entry of await manifestSnapshots(dir)) {
    const path = resolve(dir, entry.folder);
    if (!(await inside(path, dir))) {
      skipped.push({ ...entry, reason: "is outside the organisation's folder, so it was not read" });
      continue;
    }
    const read = await readSnapshot({ date: entry.date, path }, facts.compiled);
    // Paths relative to the organisation folder: the build machine's own paths stay off the page.
    const snapshot = { ...read, label: entry.folder, sources: read.sources.map((s) => ({ ...s, file: relative(dir, s.file) })) };
    const sources = inventoryReport(snapshot.sources);
    listed.push({ ...entry, sources });
    if (sources.read.length === 0) skipped.push({ ...entry, reason: "has no readable export" });
    else if (entry.date <= scenario.asOf) skipped.push({ ...entry, reason: `is dated on or before the scenario's own inventory (${scenario.asOf}), which the plan starts from` });
    else snapshots.push(snapshot);
  }
  const detail = evaluateInDetail(scenario, loaded.context);
  const timeline = detail.timeline;
  const report: ProgressReport = snapshots.length ? trackLoaded(loaded, snapshots) : { snapshots: [], forecast: null };
  return {
    organisation: scenario.profile.name,
    scenario: { name: scenario.name, file: relative(dataDir(env), file), asOf: scenario.asOf, trials: scenario.trials, seed: scenario.seed },
    hasPlan: Boolean(scenario.plan),
    listed,
    skipped,
    report,
    plan: timeline ? { start: timeline.start, devices: timeline.devices, burnDown: timeline.burnDown } : null,
  };
}
