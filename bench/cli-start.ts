/**
 * How fast `offramp` starts, as a user runs it: the whole process, `offramp --version` and
 * `offramp --help`, against a bare `node -e 0` in the same run (median of 15 after 3 warm-ups, bench/timing.ts).
 * The target (issue 16): --version within 5× the bare start.
 */
import { spawnSync } from "node:child_process";
import { time, verdict } from "./timing.js";

const TARGET = 5;

/** Median wall time of one whole process, after warm-ups (the bench's one timer). */
function median(args: string[]): number {
  return time(() => {
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }).ms;
}

export async function benchCliStart(): Promise<string[]> {
  const bare = median(["-e", "0"]);
  const version = median(["cli/offramp.js", "--version"]);
  const help = median(["cli/offramp.js", "--help"]);
  const ratio = version / bare;
  return [
    "CLI start (whole process, median of 15)",
    `  node -e 0 ${bare.toFixed(0)} ms · offramp --version ${version.toFixed(0)} ms (${ratio.toFixed(1)}× bare node; target within ${TARGET}×: ${verdict(ratio, TARGET)}) · offramp --help ${help.toFixed(0)} ms`,
  ];
}
