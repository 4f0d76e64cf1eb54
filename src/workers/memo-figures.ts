/// <reference lib="webworker" />
// Draws the memo's charts off the page, on a DOM of their own, so they are byte for byte the
// charts `offramp memo` draws for the same inputs.
import { memoFigures } from "../components/memo-figures.js";
import { parseHTML } from "../vendor/linkedom.js";
import type { Evaluation } from "../lib/model/evaluate.js";
import type { FleetRow } from "../lib/model/fleet.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<{ id: number; rows: FleetRow[]; evaluations: Omit<Evaluation, "draws">[] }>) => {
  const { id, rows, evaluations } = event.data;
  try {
    scope.postMessage({ id, figures: memoFigures(rows, evaluations, parseHTML) });
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message });
  }
};
