// Evaluates two to four scenarios off the page's thread and pairs them trial by trial.
import { evaluateScenario } from "../lib/model/evaluate.js";
import { beats } from "../lib/scenario/compare.js";
import type { CompareInit, CompareResult, CompareRun } from "./compare-protocol.js";
import { serveSimulation } from "./serve.js";

serveSimulation<CompareInit, CompareRun, CompareResult>((context, request) => {
  const evaluations = request.scenarios.map((s) => evaluateScenario(s, context, request.split));
  const matrix = (key: "cost" | "loss") => evaluations.map((a) => evaluations.map((b) => (a === b ? Number.NaN : beats(a.draws[key], b.draws[key]).probability)));
  return { evaluations: evaluations.map(({ draws: _draws, ...e }) => e), beats: { cost: matrix("cost"), loss: matrix("loss") } };
});
