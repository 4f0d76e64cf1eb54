/** `npm run bench`: each benchmark against a peer in the same run, reported as a ratio. */
import { benchHeadline } from "./headline.js";
import type { BenchResult } from "./timing.js";

const benches: (() => Promise<BenchResult>)[] = [benchHeadline];
const results: BenchResult[] = [];
for (const bench of benches) {
  const r = await bench();
  results.push(r);
  console.log(`${r.name}\n  offramp ${r.ours.toFixed(2)} ms · ${r.peerName} ${r.peer.toFixed(2)} ms · ratio ${(r.ours / r.peer).toFixed(2)} (below 1 is faster than the peer)`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
