import type { WorkerReply } from "../components/worker-client.js";
import type { Evaluation, EvaluationContext, EvaluationTrials } from "../lib/model/evaluate.js";
import type { Scenario } from "../lib/schema/index.js";

export type CompareInit = { type: "init" } & EvaluationContext;

export interface CompareRun {
  type: "run";
  id: number;
  scenarios: Scenario[];
  trials: number;
  split: EvaluationTrials;
}

/** Evaluations without their draws, and P(row beats column) on cost and on loss. */
export interface CompareResult {
  evaluations: Omit<Evaluation, "draws">[];
  beats: { cost: number[][]; loss: number[][] };
}

export type CompareReply = WorkerReply<CompareResult>;
