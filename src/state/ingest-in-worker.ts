import type { InventoryView } from "../lib/ingest/inventory-view.js";
import type { ReadFile, WorkerReply, WorkerRequest } from "../workers/ingest-protocol.js";

export type IngestState =
  | { phase: "reading"; file: string; read: number; total: number }
  | { phase: "done"; view: InventoryView; files: ReadFile[]; seconds: number }
  | { phase: "failed"; message: string };

/**
 * Runs ingestion in a Web Worker and yields its progress, then its result. The page stays
 * responsive whatever the files' size; a new run should be started with a new worker.
 */
export async function* ingestInWorker(worker: Worker, request: WorkerRequest): AsyncGenerator<IngestState> {
  const queue: WorkerReply[] = [];
  let wake: (() => void) | null = null;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    queue.push(event.data);
    wake?.();
  };
  worker.onerror = (event) => {
    queue.push({ type: "error", message: event.message || "the ingest worker failed to start" });
    wake?.();
  };
  const start = performance.now();
  worker.postMessage(request);
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const reply = queue.shift()!;
      if (reply.type === "progress") yield { phase: "reading", file: reply.file, read: reply.read, total: reply.total };
      else if (reply.type === "result") {
        yield { phase: "done", view: reply.view, files: reply.files, seconds: (performance.now() - start) / 1000 };
        return;
      } else {
        yield { phase: "failed", message: reply.message };
        return;
      }
    }
  } finally {
    worker.terminate();
  }
}
