/// <reference lib="webworker" />
// Reads dropped inventory exports off the page's thread, with the same code the CLI uses.
// Nothing leaves the browser: files are read from disk by the browser, parsed here, and only
// the results go back to the page.
import { sha256 } from "@noble/hashes/sha2.js";
import { compileCatalog } from "../lib/catalog/match.js";
import { combine } from "../lib/ingest/combine.js";
import { inventoryView } from "../lib/ingest/inventory-view.js";
import { readStream } from "../lib/ingest/read-stream.js";
import { IngestFile } from "../lib/ingest/session.js";
import type { FileResult } from "../lib/ingest/types.js";
import { Catalog } from "../lib/schema/index.js";
import type { ReadFile, WorkerReply, WorkerRequest } from "./ingest-protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: WorkerReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { files, catalog: catalogData, now } = event.data;
  const hints = new Map(event.data.hints ?? []);
  try {
    const catalog = compileCatalog(Catalog.parse(catalogData));
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let done = 0;
    let lastPost = 0;
    const results: FileResult[] = [];
    const read: ReadFile[] = [];
    for (const file of files) {
      const session = new IngestFile({ file: file.name, catalog, now, ...hints.get(file.name) });
      // The file's content hash, computed as it streams past: a scenario names its exports by it.
      const hash = sha256.create();
      results.push(
        await readStream(file.stream(), session, (bytes) => {
          hash.update(bytes);
          done += bytes.length;
          const t = performance.now();
          if (t - lastPost > 100) {
            lastPost = t;
            post({ type: "progress", file: file.name, read: done, total });
          }
        }),
      );
      read.push({ name: file.name, size: file.size, sha256: Array.from(hash.digest(), (b) => b.toString(16).padStart(2, "0")).join("") });
      post({ type: "progress", file: file.name, read: done, total });
    }
    post({ type: "result", view: inventoryView(combine(results, now), catalog), files: read });
  } catch (error) {
    post({ type: "error", message: (error as Error).message });
  }
};
