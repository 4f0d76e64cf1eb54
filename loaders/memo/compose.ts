/** Node side of the memo: evaluates a scenario (and alternatives), builds the memo, renders its charts. */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { costVersusRisk } from "../../src/components/compare-charts.js";
import { kasperskyByUnit } from "../../src/components/kaspersky-by-unit.js";
import { buildMemo, type MemoInputs } from "../../src/lib/memo/build.js";
import type { Figure, MemoDocument } from "../../src/lib/memo/document.js";
import { memoFleet, memoLedger } from "../../src/lib/memo/inputs.js";
import { normaliseSvg, sha256 } from "../../src/lib/memo/hash.js";
import { evaluateScenario, type EvaluationTrials } from "../../src/lib/model/evaluate.js";
import { exposureReport } from "../../src/lib/model/exposure-report.js";
import { obligationsFor } from "../../src/lib/regulation/obligations.js";
import { decide, DEFAULT_WEIGHTS } from "../../src/lib/scenario/compare.js";
import type { Scenario } from "../../src/lib/schema/index.js";
import { loadScenario, type LoadedScenario } from "../model/scenario.js";

export const SOFTWARE = { name: "Offramp", version: (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version };

export interface ComposedMemo {
  memo: MemoDocument;
  figures: Figure[];
  inputs: MemoInputs;
}

export interface ComposeOptions {
  /** Replace the scenario's inventory references with these files. */
  inventory?: string[];
  /** Scenario files to compare with. */
  compare?: string[];
  trials?: Partial<EvaluationTrials>;
}

export async function composeMemo(file: string, options: ComposeOptions = {}): Promise<ComposedMemo> {
  const loaded = await loadScenario(file, options.inventory);
  const alternatives = await Promise.all((options.compare ?? []).map((f) => loadScenario(f, options.inventory)));
  const s = loaded.scenario;
  const trials: EvaluationTrials = { loss: options.trials?.loss ?? s.trials, cost: options.trials?.cost ?? Math.min(s.trials, 10_000), timeline: options.trials?.timeline ?? Math.min(s.trials, 10_000) };
  const evaluate = (l: LoadedScenario) => evaluateScenario(l.scenario, l.context, trials);
  const strip = <T extends { draws: unknown }>({ draws: _d, ...rest }: T) => rest;
  const evaluation = evaluate(loaded);
  const others = alternatives.map(evaluate);
  const all = [evaluation, ...others];
  const exposure = exposureReport({ rows: loaded.rows, assumptions: loaded.assumptions, profile: s.profile, asOf: s.asOf, updatesStopped: loaded.updatesStopped, trials: trials.loss, seed: s.seed, size: s.organisationSize, riskTolerance: s.riskTolerance });
  const inputs: MemoInputs = {
    scenario: s,
    evaluation: strip(evaluation),
    alternatives: others.map(strip),
    decision: all.length > 1 ? decide(all.map(strip) as never, DEFAULT_WEIGHTS) : null,
    obligations: obligationsFor(loaded.timeline, s.profile),
    fleet: memoFleet(loaded.rows),
    exposure: { valueOfInformation: exposure.valueOfInformation, tornado: exposure.tornado, fleetMultiplier: exposure.fleetMultiplier, frozenWeightShare: exposure.frozenWeightShare },
    assumptions: memoLedger(loaded.assumptions.values(), s.assumptions),
    software: SOFTWARE,
    contentHash: await sha256(JSON.stringify({ scenario: s, alternatives: alternatives.map((a) => a.scenario), rows: loaded.rows, assumptions: [...loaded.assumptions.values()], book: loaded.book, options: loaded.options, regulation: loaded.timeline, trials })),
    trials,
  };
  const memo = buildMemo(inputs);
  const { document } = new JSDOM("<!doctype html><html><body></body></html>").window;
  // A chart with a legend comes wrapped in a <figure>; the memo takes the chart's own <svg>.
  const svg = (node: Element) => normaliseSvg((node.tagName.toLowerCase() === "svg" ? node : node.querySelector(":scope > svg")!).outerHTML);
  const figures: Figure[] = [
    { id: "by-unit", svg: svg(kasperskyByUnit(loaded.rows, { width: 640, document }) as Element) },
    ...(others.length ? [{ id: "cost-risk", svg: svg(costVersusRisk(all.map(strip), { width: 640, document }) as Element) }] : []),
  ];
  return { memo, figures, inputs };
}

export type { Scenario };
