/**
 * The Progress page's work for a large estate (issue 17): a re-forecast for 100,000 devices
 * with 10,000 trials, in a worker thread as the page runs it (target: under 250 ms; peer: the
 * plan's own simulation, the Timeline page's worker, on the same trials), and following the
 * devices through four snapshots, reported beside it.
 */
import { Worker } from "node:worker_threads";
import { verdict } from "./timing.js";

export async function benchProgress(devices = 100_000, trials = 10_000): Promise<string[]> {
  const result = await new Promise<{ ms: number; trackMs: number; peerMs: number; left: number; heapMb: number }>((resolveResult, reject) => {
    // The worker's TypeScript is loaded through tsx, registered inside the thread.
    const script = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(new URL("./progress-worker.ts", import.meta.url).href)}); })`;
    const worker = new Worker(script, { eval: true, workerData: { devices, trials } });
    worker.once("message", resolveResult);
    worker.once("error", reject);
  });
  return [
    `Progress: re-forecast of ${devices.toLocaleString("en-US")} devices with ${trials.toLocaleString("en-US")} trials, in a worker thread (median of 7)`,
    `  offramp ${result.ms.toFixed(0)} ms (target under 250 ms: ${verdict(result.ms, 250)}) · the plan's own simulation on the same trials ${result.peerMs.toFixed(0)} ms · ratio ${(result.ms / result.peerMs).toFixed(2)} · ${result.left.toLocaleString("en-US")} devices left`,
    `  following the ${devices.toLocaleString("en-US")} devices through four snapshots (migrated, came back, new, missing, waves): ${result.trackMs.toFixed(0)} ms (no target) · worker heap ${result.heapMb.toFixed(0)} MB`,
  ];
}
