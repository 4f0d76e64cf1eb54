import type { ExposureReport, OrganisationSize } from "../lib/model/exposure-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import type { Assumption, OrgProfile } from "../lib/schema/index.js";
import type { WorkerReply } from "../components/worker-client.js";

/** Sent once: the fleet the runs are about. */
export interface ModelInit {
  type: "init";
  rows: FleetRow[];
}

/** A run with these inputs; replies carry its id so a page can drop stale ones. */
export interface ModelRun {
  type: "run";
  id: number;
  assumptions: Assumption[];
  profile: OrgProfile;
  asOf: string;
  updatesStopped: string;
  trials: number;
  seed: number;
  size?: OrganisationSize;
  riskTolerance?: number;
  planWeeks?: number;
}

export type ModelRequest = ModelInit | ModelRun;

export type ModelReply = WorkerReply<ExposureReport>;
