/**
 * Worker thread for the progress bench: what the Progress page's worker does for 100,000
 * devices and 10,000 trials (follow three snapshots and re-forecast from the latest), timed
 * inside the thread; the plan's own simulation on the same fleet and trials is the peer.
 */
import { parentPort, workerData } from "node:worker_threads";
import { timelineReport } from "../src/lib/model/timeline-report.js";
import { trackSnapshots } from "../src/lib/progress/diff.js";
import { reforecast } from "../src/lib/progress/reforecast.js";
import { time } from "./timing.js";
import { benchFleet, BENCH_PLAN, BENCH_DEADLINES } from "./progress-fleet.js";

const { devices, trials } = workerData as { devices: number; trials: number };
const { rows, snapshots } = benchFleet(devices);
const request = { plan: BENCH_PLAN, rows, updatesStopped: "2024-09-29", rule: { usPerson: true, assumeFrozen: true }, deadlines: BENCH_DEADLINES, trials, seed: 7 };
const timeline = timelineReport(request);
const tracked = time(() => trackSnapshots(snapshots, BENCH_PLAN, new Map(timeline.waves.map((w) => [w.id, w.devices]))), 5, 1);
const latest = tracked.result[tracked.result.length - 1]!;
const forecast = time(() => reforecast({ plan: BENCH_PLAN, waves: latest.byWave, migrated: tracked.result.reduce((n, s) => n + s.migrated.length, 0), history: tracked.result.map((s) => ({ date: s.date, remaining: s.kasperskyDevices })), from: latest.date, deadlines: BENCH_DEADLINES, trials, seed: 7 }), 7, 2);
const peer = time(() => timelineReport(request), 7, 2);
parentPort!.postMessage({ ms: forecast.ms, trackMs: tracked.ms, peerMs: peer.ms, left: forecast.result.devicesLeft, heapMb: process.memoryUsage().heapUsed / 1048576 });
