/**
 * Your dated snapshots for the Progress page: inventory exports dropped with the day they were
 * taken, held like the current inventory. Only derived rows are kept (each device's fleet row
 * and the replacement software seen on it, the per-file reports, file names and hashes), never
 * the files. By default they live in this tab's session storage, which the browser clears when
 * the tab closes; "Keep on this device" also puts them in IndexedDB until "Forget".
 *
 * Browser state, not a view.
 */
import { createStore, get, set, type UseStore } from "idb-keyval";
import { deleteDatabase, hasDatabase, pack, unpack } from "./device-store.js";
import type { Snapshot } from "../lib/progress/snapshot.js";
import type { ReadFile } from "../workers/ingest-protocol.js";

/** A snapshot you dropped, with the files it was read from (names, sizes, SHA-256). */
export interface StoredSnapshot extends Snapshot {
  files: ReadFile[];
}

export interface YourSnapshots {
  snapshots: StoredSnapshot[];
  kept: boolean;
}

export const SNAPSHOTS_SESSION_KEY = "offramp.snapshots";
const DATABASE = "offramp-snapshots";
const RECORD = "snapshots";
let store: UseStore | null = null;
const device = () => (store ??= createStore(DATABASE, "snapshots"));


const deviceHasCopy = () => hasDatabase(DATABASE);

/** Your snapshots in this tab, else the ones kept on this device, else none. */
export async function yourSnapshots(): Promise<YourSnapshots> {
  try {
    const text = sessionStorage.getItem(SNAPSHOTS_SESSION_KEY);
    if (text) return { snapshots: unpack<StoredSnapshot[]>(text), kept: await deviceHasCopy() };
  } catch {
    sessionStorage.removeItem(SNAPSHOTS_SESSION_KEY);
  }
  try {
    const kept = (await deviceHasCopy()) ? ((await get(RECORD, device())) as StoredSnapshot[] | undefined) : undefined;
    if (kept?.length) return { snapshots: kept, kept: true };
  } catch {
    // IndexedDB unavailable: nothing was kept.
  }
  return { snapshots: [], kept: false };
}

/** Stores the list (sorted by date, one per date) in this tab, and on this device when `keep`. Returns where it went. */
export async function saveSnapshots(list: readonly StoredSnapshot[], keep: boolean): Promise<{ snapshots: StoredSnapshot[]; kept: boolean; inTab: boolean }> {
  const byDate = new Map<string, StoredSnapshot>();
  for (const s of list) byDate.set(s.date, s);
  const snapshots = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  let inTab = true;
  try {
    if (snapshots.length) sessionStorage.setItem(SNAPSHOTS_SESSION_KEY, pack(snapshots));
    else sessionStorage.removeItem(SNAPSHOTS_SESSION_KEY);
  } catch {
    inTab = false;
    sessionStorage.removeItem(SNAPSHOTS_SESSION_KEY);
  }
  if (keep && snapshots.length) await set(RECORD, snapshots, device());
  else if (await deviceHasCopy()) await forgetDevice();
  return { snapshots, kept: keep && snapshots.length > 0, inTab };
}

/** Forgets your snapshots everywhere in this browser. */
export async function forgetSnapshots(): Promise<void> {
  sessionStorage.removeItem(SNAPSHOTS_SESSION_KEY);
  if (await deviceHasCopy()) await forgetDevice();
}

/** Deletes the kept copy and its database. */
async function forgetDevice(): Promise<void> {
  const open = store;
  store = null;
  await deleteDatabase(DATABASE, open, RECORD);
}

/**
 * The snapshots the workbook tracks: the organisation folder's own while the inventory is the
 * sample's (they are the sample's), and yours, which replace one of the same date. Date order.
 */
export function snapshotsToTrack<S extends { date: string }>(organisation: readonly S[], onSample: boolean, yours: readonly S[]): S[] {
  return [...(onSample ? organisation : []).filter((s) => !yours.some((m) => m.date === s.date)), ...yours].sort((a, b) => a.date.localeCompare(b.date));
}
