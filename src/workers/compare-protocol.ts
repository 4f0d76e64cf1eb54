import type { WorkerReply } from "../components/worker-client.js";
import type { Evaluation, EvaluationContext, EvaluationTrials } from "../lib/model/evaluate.js";
import type { ExposureReport } from "../lib/model/exposure-report.js";
import type { Scenario } from "../lib/schema/index.js";

export type CompareInit = { type: "init" } & EvaluationContext;

export interface CompareRun {
  type: "run";
  id: number;
  scenarios: Scenario[];
  trials: number;
  split: EvaluationTrials;
  /** Also report the first scenario's exposure sensitivity (for the memo). */
  exposureOfFirst?: boolean;
}

/** Evaluations without their draws, and P(row beats column) on cost and on loss. */
export interface CompareResult {
  evaluations: Omit<Evaluation, "draws">[];
  beats: { cost: number[][]; loss: number[][] };
  exposure?: Pick<ExposureReport, "valueOfInformation" | "tornado" | "fleetMultiplier" | "frozenWeightShare">;
}

export type CompareReply = WorkerReply<CompareResult>;
