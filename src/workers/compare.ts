// The workbook's one evaluation, off the page's thread: the same function the CLI and the memo call.
import { evaluateWorkbook, withoutDraws } from "../lib/model/evaluate.js";
import { trackScenario } from "../lib/progress/report.js";
import type { CompareInit, CompareResult, CompareRun } from "./compare-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<CompareInit, CompareRun, CompareResult>((context, request) => {
  const result = evaluateWorkbook(request.subject, request.alternatives, context, { allOptions: request.allOptions });
  return {
    evaluations: [result.subject.evaluation, ...result.alternatives].map(withoutDraws),
    exposure: result.subject.exposure,
    overTime: result.subject.overTime,
    timeline: result.subject.timeline,
    cost: result.subject.cost,
    costs: result.subject.costs,
    decision: result.decision,
    progress: request.snapshots?.length ? trackScenario(request.subject, context.options, context.rows, result.subject.timeline, request.snapshots) : null,
  };
});
