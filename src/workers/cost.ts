/// <reference lib="webworker" />
// Prices every replacement option off the page's thread.
import { costReport } from "../lib/model/cost-report.js";
import type { FleetRow } from "../lib/model/fleet.js";
import { assumptionIndex } from "../lib/model/parameters.js";
import type { CostInit, CostReply, CostRun } from "./cost-protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
let rows: FleetRow[] = [];

scope.onmessage = (event: MessageEvent<CostInit | CostRun>) => {
  const request = event.data;
  if (request.type === "init") {
    rows = request.rows;
    return;
  }
  const start = performance.now();
  try {
    const result = costReport({ ...request, rows, assumptions: assumptionIndex(request.assumptions) });
    scope.postMessage({ type: "result", id: request.id, result, milliseconds: performance.now() - start } satisfies CostReply);
  } catch (error) {
    scope.postMessage({ type: "error", id: request.id, message: (error as Error).message } satisfies CostReply);
  }
};
