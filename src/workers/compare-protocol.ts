import type { WorkerReply } from "../state/worker-client.js";
import type { Evaluation, EvaluationContext, EvaluationDetail } from "../lib/model/evaluate.js";
import type { ExposureReport } from "../lib/model/exposure-report.js";
import type { OptionCost } from "../lib/model/cost-report.js";
import type { TimelineReport } from "../lib/model/timeline-report.js";
import type { DecisionAnalysis } from "../lib/scenario/compare.js";
import type { Scenario } from "../lib/schema/index.js";
import type { ProgressReport } from "../lib/progress/report.js";
import type { Snapshot } from "../lib/progress/snapshot.js";

export type CompareInit = { type: "init" } & EvaluationContext;

/** The workbook's one evaluation: a subject scenario and the alternatives it is compared with. */
export interface CompareRun {
  type: "run";
  id: number;
  subject: Scenario;
  alternatives: Scenario[];
  /** Price every option on the subject's schedule too (the Cost page). */
  allOptions?: boolean;
  /** Dated snapshots to track the subject's plan with (the memo's progress section). */
  snapshots?: Snapshot[];
}

/** Evaluations without their draws, the subject's full reports, and the decision. */
export interface CompareResult {
  evaluations: Omit<Evaluation, "draws">[];
  exposure: ExposureReport;
  overTime: EvaluationDetail["overTime"];
  timeline: TimelineReport | null;
  cost: OptionCost;
  costs: EvaluationDetail["costs"];
  decision: DecisionAnalysis | null;
  /** The subject's plan against the snapshots, from the same evaluation (null without snapshots). */
  progress: ProgressReport | null;
}

export type CompareReply = WorkerReply<CompareResult>;
