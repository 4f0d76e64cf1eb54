/// <reference lib="webworker" />
// Reads dropped inventory exports off the page's thread, with the same code the CLI uses.
// Nothing leaves the browser: files are read from disk by the browser, parsed here, and only
// the results go back to the page.
import { compileCatalog } from "../lib/catalog/match.js";
import { combine } from "../lib/ingest/combine.js";
import { inventoryView } from "../lib/ingest/inventory-view.js";
import { IngestFile, type FileResult } from "../lib/ingest/session.js";
import { Catalog } from "../lib/schema/index.js";
import type { WorkerReply, WorkerRequest } from "./ingest-protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: WorkerReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { files, catalog: catalogData, now } = event.data;
  try {
    const catalog = compileCatalog(Catalog.parse(catalogData));
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let done = 0;
    let lastPost = 0;
    const results: FileResult[] = [];
    for (const file of files) {
      const session = new IngestFile({ file: file.name, catalog, now });
      const reader = file.stream().getReader();
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        session.push(value);
        done += value.length;
        const t = performance.now();
        if (t - lastPost > 100) {
          lastPost = t;
          post({ type: "progress", file: file.name, read: done, total });
        }
      }
      results.push(await session.finish());
      post({ type: "progress", file: file.name, read: done, total });
    }
    post({ type: "result", view: inventoryView(combine(results, now), catalog) });
  } catch (error) {
    post({ type: "error", message: (error as Error).message });
  }
};
