/** `npm run bench`: each benchmark against a peer in the same run, reported as a ratio. */
import { benchHeadline } from "./headline.js";
import { benchEngine } from "./engine.js";
import { benchExposure } from "./exposure.js";
import { benchIngest } from "./ingest.js";
import { benchTimeline } from "./timeline.js";
import { benchCliStart } from "./cli-start.js";
import { benchBrowserIngest } from "./browser-ingest.js";
import { benchProgress } from "./progress.js";
import type { BenchResult } from "./timing.js";

const benches: (() => Promise<BenchResult>)[] = [benchHeadline];
const results: BenchResult[] = [];
for (const bench of benches) {
  const r = await bench();
  results.push(r);
  console.log(`${r.name}\n  offramp ${r.ours.toFixed(2)} ms · ${r.peerName} ${r.peer.toFixed(2)} ms · ratio ${(r.ours / r.peer).toFixed(2)} (below 1 is faster than the peer)`);
}
const quick = process.argv.includes("--quick");
for (const line of await benchCliStart()) console.log(line);
for (const line of await benchEngine()) console.log(line);
for (const line of await benchExposure()) console.log(line);
for (const line of await benchTimeline()) console.log(line);
for (const line of await benchProgress()) console.log(line);
for (const line of await benchIngest(quick ? [200_000] : [1_000_000, 5_000_000])) console.log(line);
if (!quick) for (const line of await benchBrowserIngest()) console.log(line);
