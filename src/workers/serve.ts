/// <reference lib="webworker" />
import type { WorkerReply } from "../state/worker-client.js";

/**
 * The protocol every simulation worker speaks: an `init` message with the data that does not
 * change between runs, then `run` messages answered with their id, result and time taken.
 */
export function serveSimulation<I extends object, Q extends { id: number }, R>(handle: (init: I, request: Q) => R): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  let init: I | null = null;
  scope.onmessage = (event: MessageEvent<(I & { type: "init" }) | (Q & { type: "run" })>) => {
    const message = event.data;
    if (message.type === "init") {
      init = message;
      return;
    }
    const start = performance.now();
    try {
      if (!init) throw new Error("the worker was asked to run before it was given its data");
      const result = handle(init, message);
      scope.postMessage({ type: "result", id: message.id, result, milliseconds: performance.now() - start } satisfies WorkerReply<R>);
    } catch (error) {
      scope.postMessage({ type: "error", id: message.id, message: (error as Error).message } satisfies WorkerReply<R>);
    }
  };
}
