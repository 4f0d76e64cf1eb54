/**
 * The current inventory: the organisation every page models. It is the bundled sample until
 * exports are dropped on the Inventory page; then it is what was read from them, in this tab,
 * on every page and in the memo, with no re-drop.
 *
 * Privacy: only the derived rows (devices, matched installs, per-file reports) are kept, never
 * the raw files. By default they live in this tab's session storage, which the browser clears
 * when the tab closes. "Keep on this device" is an explicit choice that also puts them in
 * IndexedDB (until "Forget").
 *
 * Browser state, not a view.
 */
import { createStore, get, set, type UseStore } from "idb-keyval";
import { deleteDatabase, hasDatabase, pack, unpack } from "./device-store.js";
import type { InventoryView } from "../lib/ingest/inventory-view.js";
import type { ReadFile } from "../workers/ingest-protocol.js";
import { forgetSnapshots, yourSnapshots } from "./snapshots.js";

/** What the pages model: an organisation's rows and reports, with the dates they are read against. */
export interface Fleet extends InventoryView {
  organisation: string;
  exportedAt: string | null;
  programme: string;
  updatesStopped: { date: string; instant: string; eventId: string; citation: string };
}

export type InventoryOrigin =
  | { kind: "sample"; files: number }
  | { kind: "yours"; files: ReadFile[]; readAt: string; kept: boolean };

export interface CurrentInventory {
  fleet: Fleet;
  origin: InventoryOrigin;
}

/** What is stored: the derived rows and where they came from, never a file's bytes. */
interface Saved {
  origin: Extract<InventoryOrigin, { kind: "yours" }>;
  view: InventoryView;
}

export const SESSION_KEY = "offramp.inventory";
const RECORD = "current";
let store: UseStore | null = null;
const DATABASE = "offramp";
const device = () => (store ??= createStore(DATABASE, "inventory"));
const deviceHasCopy = () => hasDatabase(DATABASE);


function fleetOf(sample: Fleet, saved: Saved): Fleet {
  return { organisation: "Your organisation", exportedAt: null, programme: sample.programme, updatesStopped: sample.updatesStopped, ...saved.view };
}

/** The inventory this tab models: yours when you dropped (or kept) exports, else the sample. */
export async function currentInventory(sample: Fleet, sampleFiles: number): Promise<CurrentInventory> {
  try {
    const text = sessionStorage.getItem(SESSION_KEY);
    if (text) {
      const saved = unpack<Saved>(text);
      return { fleet: fleetOf(sample, saved), origin: saved.origin };
    }
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
  }
  try {
    const kept = (await deviceHasCopy()) ? ((await get(RECORD, device())) as Saved | undefined) : undefined;
    if (kept?.view?.rows) return { fleet: fleetOf(sample, kept), origin: { ...kept.origin, kept: true } };
  } catch {
    // IndexedDB unavailable (private mode in some browsers): nothing was kept.
  }
  return { fleet: sample, origin: { kind: "sample", files: sampleFiles } };
}

/** How a scenario names the files read: by name and content hash, never by rows. */
export const inventoryRefs = (files: readonly ReadFile[]) => files.map((f) => ({ file: f.name, sha256: f.sha256 }));

/** Where an adopted inventory ended up, for the page to say. */
export interface Adopted {
  inventory: CurrentInventory;
  /** "tab": every page of this tab until it closes; "device": also kept in IndexedDB; "page": too large for the tab's storage and not kept, so only this page has it. */
  where: "tab" | "device" | "page";
  message: string;
}

/** Makes dropped exports' rows the current inventory of this tab (and of this device when `keep`). */
export async function adoptInventory(sample: Fleet, view: InventoryView, files: ReadFile[], keep: boolean, now = new Date()): Promise<Adopted> {
  const saved: Saved = { origin: { kind: "yours", files, readAt: now.toISOString(), kept: keep }, view };
  const inventory = { fleet: fleetOf(sample, saved), origin: saved.origin };
  // Snapshots added on the Progress page were of the inventory before: tracked against these devices they would be nonsense.
  const forgot = (await yourSnapshots()).snapshots.length > 0;
  if (forgot) await forgetSnapshots();
  const also = forgot ? " The snapshots added on the Progress page were of the inventory before, so they were forgotten." : "";
  let inTab = true;
  try {
    sessionStorage.setItem(SESSION_KEY, pack(saved));
  } catch {
    inTab = false;
    sessionStorage.removeItem(SESSION_KEY);
  }
  if (keep) {
    await set(RECORD, saved, device());
    return { inventory, where: "device", message: `Every page now models these exports, and they are kept on this device (IndexedDB) until you press Forget.${also}` };
  }
  if (await deviceHasCopy()) await forgetDevice();
  return inTab
    ? { inventory, where: "tab", message: `Every page of this tab now models these exports. Nothing is kept after the tab closes.${also}` }
    : { inventory, where: "page", message: `These exports are too large for this tab's storage, so other pages cannot see them. Tick "Keep on this device" to carry them to every page.${also}` };
}

/** Turns "Keep on this device" on or off for the current inventory. */
export async function keepOnDevice(current: CurrentInventory, keep: boolean): Promise<CurrentInventory> {
  if (current.origin.kind !== "yours") return current;
  const origin = { ...current.origin, kept: keep };
  const { organisation: _o, exportedAt: _e, programme: _p, updatesStopped: _u, ...view } = current.fleet;
  if (keep) await set(RECORD, { origin, view } satisfies Saved, device());
  else await forgetDevice();
  try {
    sessionStorage.setItem(SESSION_KEY, pack({ origin, view }));
  } catch {
    // Too large for the tab: the kept copy (if any) is what other pages read.
  }
  return { ...current, origin };
}

/** Forgets your inventory everywhere in this browser, and your snapshots of it: every page models the sample again. */
export async function forgetInventory(): Promise<void> {
  sessionStorage.removeItem(SESSION_KEY);
  if (await deviceHasCopy()) await forgetDevice();
  await forgetSnapshots();
}

/** Deletes the kept copy and its database, so nothing of it is left on the device. */
async function forgetDevice(): Promise<void> {
  const open = store;
  store = null;
  await deleteDatabase(DATABASE, open, RECORD);
}
