/// <reference lib="webworker" />
// Runs the exposure and loss simulation off the page's thread, so sliders stay responsive.
import { exposureReport } from "../lib/model/exposure-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import { assumptionIndex } from "../lib/model/parameters.js";
import type { ModelReply, ModelRequest } from "./model-protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
let rows: FleetRow[] = [];

scope.onmessage = (event: MessageEvent<ModelRequest>) => {
  const request = event.data;
  if (request.type === "init") {
    rows = request.rows;
    return;
  }
  const start = performance.now();
  try {
    const report = exposureReport({ ...request, rows, assumptions: assumptionIndex(request.assumptions) });
    scope.postMessage({ type: "result", id: request.id, result: report, milliseconds: performance.now() - start } satisfies ModelReply);
  } catch (error) {
    scope.postMessage({ type: "error", id: request.id, message: (error as Error).message } satisfies ModelReply);
  }
};
