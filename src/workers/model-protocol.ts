import type { WorkerReply } from "../components/worker-client.js";
import type { ExposureReport, ExposureRequest } from "../lib/model/exposure-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import type { Assumption } from "../lib/schema/index.js";

/** Sent once: the fleet the runs are about. */
export interface ModelInit {
  type: "init";
  rows: FleetRow[];
}

/** A run with these inputs; replies carry its id so a page can drop stale ones. */
export type ModelRun = { type: "run"; id: number; assumptions: Assumption[] } & Omit<ExposureRequest, "rows" | "assumptions">;

export type ModelReply = WorkerReply<ExposureReport>;
