import type { InventoryView } from "../lib/ingest/inventory-view.js";

/** The page asks the ingest worker to read these files against this catalog. */
export interface WorkerRequest {
  files: File[];
  catalog: unknown;
  /** ISO instant for relative dates in the exports. */
  now: string;
}

export type WorkerReply =
  | { type: "progress"; file: string; read: number; total: number }
  | { type: "result"; view: InventoryView }
  | { type: "error"; message: string };
