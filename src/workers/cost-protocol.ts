import type { CostReport } from "../lib/model/cost-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import type { Assumption, PriceBook, ReplacementOption } from "../lib/schema/index.js";
import type { WorkerReply } from "../components/worker-client.js";

export interface CostInit {
  type: "init";
  rows: FleetRow[];
}

export interface CostRun {
  type: "run";
  id: number;
  options: ReplacementOption[];
  book: PriceBook;
  assumptions: Assumption[];
  horizonMonths: number;
  trials: number;
  seed: number;
}

export type CostReply = WorkerReply<CostReport>;
