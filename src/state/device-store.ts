/** How derived rows are kept: packed for the tab's session storage, or on this device (IndexedDB) until "Forget". */
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { del, type UseStore } from "idb-keyval";
import { fromBase64, toBase64 } from "../lib/util/base64.js";

/** A value as compressed text for session storage (JSON, deflated, base64), and back. */
export const pack = (value: unknown): string => toBase64(deflateSync(strToU8(JSON.stringify(value)), { level: 6 }));
export const unpack = <T>(text: string): T => JSON.parse(strFromU8(inflateSync(fromBase64(text)))) as T;

/** Whether a copy was ever kept in this database: opening it otherwise would create one for nothing. */
export async function hasDatabase(name: string): Promise<boolean> {
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return false;
  }
}

/**
 * Deletes a kept record and its database, so nothing of it is left on the device. This page's
 * connection is closed first, or the deletion would wait for it; another tab's goes when it closes.
 */
export async function deleteDatabase(name: string, open: UseStore | null, record: string): Promise<void> {
  if (open) {
    await del(record, open).catch(() => {});
    await open("readonly", (s) => s.transaction.db.close()).catch(() => {});
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
