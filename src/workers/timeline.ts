// Simulates the migration schedule off the page's thread.
import { capacityFor, timelineReport } from "../lib/model/timeline-report.js";
import type { TimelineInit, TimelineResult, TimelineRun } from "./timeline-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<TimelineInit, TimelineRun, TimelineResult>(({ rows }, request) => {
  const report = timelineReport({ ...request, rows });
  const sizing = { ...request, rows, trials: Math.min(request.trials, 2_000) };
  const capacityNeeded = (request.sizeFor?.targets ?? []).map((target) => ({ target, capacity: capacityFor(sizing, request.sizeFor!.deadline, target) }));
  return { report, capacityNeeded };
});
