// The current scenario against dated snapshots, off the page's thread: the one evaluation gives
// the plan's band, and the same function `offramp track` calls does the rest.
import { evaluateInDetail } from "../lib/model/evaluate.js";
import { trackScenario } from "../lib/progress/report.js";
import type { ProgressInit, ProgressResult, ProgressRun } from "./progress-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<ProgressInit, ProgressRun, ProgressResult>((context, request) => {
  const scenario = { ...request.scenario, trials: request.trials };
  const timeline = evaluateInDetail(scenario, context).timeline;
  const start = performance.now();
  const report = trackScenario(scenario, context.options, context.rows, timeline, request.snapshots);
  return { report, plan: timeline ? { start: timeline.start, devices: timeline.devices, burnDown: timeline.burnDown } : null, reforecastMs: performance.now() - start };
});
