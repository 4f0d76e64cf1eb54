/** What is kept on this device (IndexedDB), for the stores that keep derived rows until "Forget". */
import { del, type UseStore } from "idb-keyval";

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
