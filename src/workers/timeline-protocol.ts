import type { WorkerReply } from "../state/worker-client.js";
import type { FleetRow } from "../lib/model/fleet.js";
import type { TimelineReport, TimelineRequest } from "../lib/model/timeline-report.js";

export interface TimelineInit {
  type: "init";
  rows: FleetRow[];
}

/** A run, and the deadline to size the team for ("what would it take"). */
export type TimelineRun = { type: "run"; id: number; sizeFor?: { deadline: string; targets: number[] } } & Omit<TimelineRequest, "rows">;

export interface TimelineResult {
  report: TimelineReport;
  /** Devices a week (most likely, at full speed) needed for each target probability, or null when no capacity suffices. */
  capacityNeeded: { target: number; capacity: number | null }[];
}

export type TimelineReply = WorkerReply<TimelineResult>;
