import type { RowOutcome, SourceReport } from "./types.js";

/**
 * Counts row outcomes into a file's report: every row read is accepted or rejected, and the
 * first `maxErrors` rejections are listed with their line and column (all are counted).
 */
export class Tally {
  constructor(
    private readonly report: SourceReport,
    private readonly maxErrors: number,
  ) {}

  /** Counts one outcome (`counts`: false for outcomes known only at the end, whose rows were counted as read). Returns whether it was accepted. */
  count(outcome: RowOutcome, counts = true): outcome is Extract<RowOutcome, { kind: "accepted" }> {
    if (outcome.kind === "rejected") {
      if (counts) this.report.rejected++;
      if (this.report.errors.length < this.maxErrors) this.report.errors.push({ line: outcome.line, column: outcome.column, message: outcome.message });
      return false;
    }
    if (counts) this.report.accepted++;
    return true;
  }

  /** A row accepted without being read into an outcome (a line the row screen passed over). */
  acceptedUnread(): void {
    this.report.rows++;
    this.report.accepted++;
  }
}
