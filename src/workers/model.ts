// Runs the exposure and loss simulation off the page's thread, so sliders stay responsive.
import { exposureReport } from "../lib/model/exposure-report.js";
import { assumptionIndex } from "../lib/model/parameters.js";
import type { ModelInit, ModelRun } from "./model-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<ModelInit, ModelRun, ReturnType<typeof exposureReport>>(({ rows }, request) => exposureReport({ ...request, rows, assumptions: assumptionIndex(request.assumptions) }));
