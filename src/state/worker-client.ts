/** What a simulation worker answers: the run's id and its result, or an error. */
export type WorkerReply<R> = { type: "result"; id: number; milliseconds: number; result: R } | { type: "error"; id: number; message: string };

interface Pending<Q, R> {
  request: Q;
  resolve: (reply: { result: R; milliseconds: number } | null) => void;
  reject: (error: Error) => void;
}

/**
 * Talks to a simulation worker: sends `init` once, then runs. While a run is in the worker,
 * newer requests wait and only the newest is sent next (older waiting ones resolve null), so a
 * slider dragged fast never builds a queue.
 */
export function workerClient<Q extends { trials: number }, R>(worker: Worker, init: unknown) {
  worker.postMessage({ type: "init", ...(init as object) });
  let nextId = 0;
  let inFlight: (Pending<Q, R> & { id: number }) | null = null;
  let waiting: Pending<Q, R> | null = null;
  const send = (pending: Pending<Q, R>) => {
    inFlight = { ...pending, id: ++nextId };
    worker.postMessage({ ...pending.request, type: "run", id: inFlight.id });
  };
  worker.addEventListener("message", (event: MessageEvent<WorkerReply<R>>) => {
    const done = inFlight;
    if (!done || event.data.id !== done.id) return;
    inFlight = null;
    if (event.data.type === "error") done.reject(new Error(event.data.message));
    else done.resolve({ result: event.data.result, milliseconds: event.data.milliseconds });
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  });
  const run = (request: Q) =>
    new Promise<{ result: R; milliseconds: number } | null>((resolve, reject) => {
      if (!inFlight) return send({ request, resolve, reject });
      waiting?.resolve(null);
      waiting = { request, resolve, reject };
    });
  return {
    run,
    /** A quick run of at most `quick` trials, then the full run. */
    async *progressive(request: Q, quick = 10_000): AsyncGenerator<{ result: R; milliseconds: number; trials: number }> {
      if (request.trials > quick) {
        const first = await run({ ...request, trials: quick });
        if (first) yield { ...first, trials: quick };
      }
      const full = await run(request);
      if (full) yield { ...full, trials: request.trials };
    },
  };
}
