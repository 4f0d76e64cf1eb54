import type { CostReport, CostRequest } from "../lib/model/cost-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import type { Assumption, ReplacementOption } from "../lib/schema/index.js";
import type { WorkerReply } from "../components/worker-client.js";

export interface CostInit {
  type: "init";
  rows: FleetRow[];
}

export type CostRun = { type: "run"; id: number; options: ReplacementOption[]; assumptions: Assumption[] } & Omit<CostRequest, "rows" | "options" | "assumptions">;

export type CostReply = WorkerReply<CostReport>;
