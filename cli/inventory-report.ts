/** What `model`, `memo` and `summary` print about the inventory: which files were read, which not, and why. */
import type { InventoryReport } from "../src/lib/ingest/inventory-report.js";
import type { Io } from "./command.js";

/**
 * Prints the inventory's sources on stderr. A file the scenario names that could not be read
 * stops the command (exit 2) unless `allowMissing`: figures from part of an estate must not pass
 * for the whole of it. Returns the exit code to stop with, or null to go on.
 */
export function reportInventory(report: InventoryReport, io: Io, allowMissing: boolean): number | null {
  const n = (x: number) => x.toLocaleString("en-US");
  io.err(`inventory: ${report.read.length} file${report.read.length === 1 ? "" : "s"} read${report.read.length ? ` (${report.read.map((r) => `${r.file}: ${n(r.rows)} rows, ${n(r.accepted)} accepted, ${n(r.rejected)} rejected`).join("; ")})` : ""}`);
  if (report.unreadable.length === 0) return null;
  for (const u of report.unreadable) io.err(`inventory: ${u.file} could not be read: ${u.reason}`);
  if (allowMissing) {
    io.err(`inventory: going on without ${report.unreadable.length} file${report.unreadable.length === 1 ? "" : "s"} (--allow-missing): the figures cover only the files read`);
    return null;
  }
  io.err(`inventory: ${report.unreadable.length} of the scenario's files could not be read, so the figures would cover only part of the estate. Fix the paths, or pass --allow-missing to go on without them.`);
  return 2;
}
