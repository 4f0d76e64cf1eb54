import type { FleetRow } from "../lib/model/fleet.js";
import type { ModelReply, ModelRun } from "../workers/model-protocol.js";

type Result = Extract<ModelReply, { type: "result" }>;
type Request = Omit<ModelRun, "type" | "id">;
interface Pending {
  request: Request;
  resolve: (result: Result | null) => void;
  reject: (error: Error) => void;
}

/**
 * Talks to the model worker: sends the fleet once, then runs. While a run is in the worker,
 * newer requests wait and only the newest is sent next (older waiting ones resolve null), so a
 * slider dragged fast never builds a queue.
 */
export function modelClient(worker: Worker, rows: readonly FleetRow[]) {
  worker.postMessage({ type: "init", rows });
  let nextId = 0;
  let inFlight: (Pending & { id: number }) | null = null;
  let waiting: Pending | null = null;
  const send = (pending: Pending) => {
    inFlight = { ...pending, id: ++nextId };
    worker.postMessage({ ...pending.request, type: "run", id: inFlight.id });
  };
  worker.addEventListener("message", (event: MessageEvent<ModelReply>) => {
    const done = inFlight;
    if (!done || event.data.id !== done.id) return;
    inFlight = null;
    if (event.data.type === "error") done.reject(new Error(event.data.message));
    else done.resolve(event.data);
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  });
  const run = (request: Request) =>
    new Promise<Result | null>((resolve, reject) => {
      if (!inFlight) return send({ request, resolve, reject });
      waiting?.resolve(null);
      waiting = { request, resolve, reject };
    });
  return {
    run,
    /** A quick run of at most 10,000 trials, then the full run. */
    async *progressive(request: Request): AsyncGenerator<Result> {
      if (request.trials > 10_000) {
        const quick = await run({ ...request, trials: 10_000 });
        if (quick) yield quick;
      }
      const full = await run(request);
      if (full) yield full;
    },
  };
}
