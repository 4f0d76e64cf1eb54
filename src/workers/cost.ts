// Prices every replacement option off the page's thread.
import { costReport } from "../lib/model/cost-report.js";
import { assumptionIndex } from "../lib/model/parameters.js";
import type { CostInit, CostRun } from "./cost-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<CostInit, CostRun, ReturnType<typeof costReport>>(({ rows }, request) => costReport({ ...request, rows, assumptions: assumptionIndex(request.assumptions) }));
