// Evaluates two to four scenarios off the page's thread and pairs them trial by trial.
import { evaluateScenario } from "../lib/model/evaluate.js";
import { exposureReport } from "../lib/model/exposure-report.js";
import { assumptionIndex } from "../lib/model/parameters.js";
import { beats } from "../lib/scenario/compare.js";
import type { CompareInit, CompareResult, CompareRun } from "./compare-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<CompareInit, CompareRun, CompareResult>((context, request) => {
  const evaluations = request.scenarios.map((s) => evaluateScenario(s, context, request.split));
  const matrix = (key: "cost" | "loss") => evaluations.map((a) => evaluations.map((b) => (a === b ? Number.NaN : beats(a.draws[key], b.draws[key]).probability)));
  const first = request.scenarios[0];
  const exposure = request.exposureOfFirst && first
    ? exposureReport({ rows: context.rows, assumptions: assumptionIndex(context.defaults, first.assumptions), profile: first.profile, asOf: first.asOf, updatesStopped: context.updatesStopped, trials: request.split.loss, seed: first.seed, size: first.organisationSize, riskTolerance: first.riskTolerance })
    : undefined;
  return {
    evaluations: evaluations.map(({ draws: _draws, ...e }) => e),
    beats: { cost: matrix("cost"), loss: matrix("loss") },
    ...(exposure ? { exposure: { valueOfInformation: exposure.valueOfInformation, tornado: exposure.tornado, fleetMultiplier: exposure.fleetMultiplier, frozenWeightShare: exposure.frozenWeightShare } } : {}),
  };
});
