/** What `track` and `memo` print about the snapshots they read, and when they refuse them. */
import type { ReadSnapshots, SnapshotSpec } from "../loaders/progress/snapshots.js";
import { parseSnapshotSpec, SnapshotSpecError } from "../loaders/progress/snapshots.js";
import { leftOutReason } from "../src/lib/progress/report.js";
import { UsageError, type Io } from "./command.js";

/** `--snapshot DATE=PATH` values as specs; a malformed one is a usage error. */
export function snapshotSpecs(values: readonly string[] | undefined): SnapshotSpec[] {
  try {
    return (values ?? []).map(parseSnapshotSpec);
  } catch (error) {
    if (error instanceof SnapshotSpecError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Prints each snapshot's files read and not read, and any snapshot left out, on stderr. Returns
 * the exit code to stop with (2) when the set would give wrong figures, else null.
 */
export function reportSnapshots(read: Pick<ReadSnapshots, "reports" | "problems">, asOf: string, io: Io, command: string): number | null {
  const n = (x: number) => x.toLocaleString("en-US");
  for (const { spec, report } of read.reports) {
    io.err(`snapshot ${spec.date}: ${report.read.length} file${report.read.length === 1 ? "" : "s"} read (${report.read.map((r) => `${r.file}: ${n(r.rows)} rows, ${n(r.accepted)} accepted, ${n(r.rejected)} rejected`).join("; ") || "none"})`);
    for (const u of report.unreadable) io.err(`snapshot ${spec.date}: ${u.file} could not be read: ${u.reason}`);
    const leftOut = leftOutReason(spec, asOf);
    if (leftOut) io.err(`snapshot ${spec.date}: ${leftOut}`);
  }
  for (const problem of read.problems) io.err(`offramp ${command}: ${problem}`);
  return read.problems.length ? 2 : null;
}
