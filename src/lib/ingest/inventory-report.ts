import type { SourceReport } from "./types.js";

/** Which inventory files were read (with their row counts) and which could not be, and why. */
export interface InventoryReport {
  read: { file: string; format: string | null; rows: number; accepted: number; rejected: number }[];
  unreadable: { file: string; reason: string }[];
}

/** The one account of an inventory's sources: the CLI prints it, the memo's appendix and the pages show it. */
export function inventoryReport(sources: readonly SourceReport[]): InventoryReport {
  return {
    read: sources.filter((s) => s.fatal === null).map((s) => ({ file: s.file, format: s.format, rows: s.rows, accepted: s.accepted, rejected: s.rejected })),
    unreadable: sources.filter((s) => s.fatal !== null).map((s) => ({ file: s.file, reason: s.fatal! })),
  };
}
