import type { WorkerReply } from "../state/worker-client.js";
import type { EvaluationContext } from "../lib/model/evaluate.js";
import type { TimelineReport } from "../lib/model/timeline-report.js";
import type { ProgressReport } from "../lib/progress/report.js";
import type { Snapshot } from "../lib/progress/snapshot.js";
import type { Scenario } from "../lib/schema/index.js";

export type ProgressInit = { type: "init" } & EvaluationContext;

/** The current scenario against dated snapshots (the scenario's own inventory is the first). */
export interface ProgressRun {
  type: "run";
  id: number;
  scenario: Scenario;
  snapshots: Snapshot[];
  trials: number;
}

export interface ProgressResult {
  report: ProgressReport;
  /** The plan's simulated burn-down from its start (the chart's band), from the same evaluation. */
  plan: Pick<TimelineReport, "start" | "devices" | "burnDown"> | null;
  /** Time the re-forecast alone took in the worker. */
  reforecastMs: number;
}

export type ProgressReply = WorkerReply<ProgressResult>;
