import type { InventoryView } from "../lib/ingest/inventory-view.js";

/** The page asks the ingest worker to read these files against this catalog. */
export interface WorkerRequest {
  files: File[];
  catalog: unknown;
  /** ISO instant for relative dates in the exports. */
  now: string;
  /**
   * How to read a file, by its name (a snapshot is the same exports taken again: each is read as
   * the scenario reads the export of the same name, e.g. the host an appliance's SBOM describes).
   */
  hints?: [name: string, hint: { format?: string; mapping?: Record<string, string>; device?: string }][];
}

/** A file the worker read: its name, size and the SHA-256 of its bytes (how a scenario names it). */
export interface ReadFile {
  name: string;
  size: number;
  sha256: string;
}

export type WorkerReply =
  | { type: "progress"; file: string; read: number; total: number }
  | { type: "result"; view: InventoryView; files: ReadFile[] }
  | { type: "error"; message: string };
