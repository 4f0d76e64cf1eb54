import type { Figure } from "../lib/memo/document.js";
import type { Evaluation } from "../lib/model/evaluate.js";
import type { FleetRow } from "../lib/model/fleet.js";

/** Asks the memo-figures worker for the memo's charts; a newer request supersedes nothing, each gets its own answer. */
export function figuresClient(worker: Worker) {
  let next = 0;
  return (rows: readonly FleetRow[], evaluations: readonly Omit<Evaluation, "draws">[]): Promise<Figure[]> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const listen = (event: MessageEvent<{ id: number; figures?: Figure[]; error?: string }>) => {
        if (event.data.id !== id) return;
        worker.removeEventListener("message", listen);
        if (event.data.error !== undefined || !event.data.figures) reject(new Error(event.data.error ?? "the chart worker gave no figures"));
        else resolve(event.data.figures);
      };
      worker.addEventListener("message", listen);
      worker.postMessage({ id, rows, evaluations });
    });
}
