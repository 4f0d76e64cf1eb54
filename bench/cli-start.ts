/**
 * How fast `offramp` starts, as a user runs it: the whole process, `offramp --version` and
 * `offramp --help`, against a bare `node -e 0` in the same run (median of 15 after 3 warm-ups).
 * The target (issue 16): --version within 5× the bare start.
 */
import { spawnSync } from "node:child_process";

const TARGET = 5;

function median(args: string[], runs = 15, warmup = 3): number {
  const samples: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    if (i >= warmup) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function benchCliStart(): Promise<string[]> {
  const bare = median(["-e", "0"]);
  const version = median(["cli/offramp.js", "--version"]);
  const help = median(["cli/offramp.js", "--help"]);
  const ratio = version / bare;
  return [
    "CLI start (whole process, median of 15)",
    `  node -e 0 ${bare.toFixed(0)} ms · offramp --version ${version.toFixed(0)} ms (${ratio.toFixed(1)}× bare node; target within ${TARGET}×: ${ratio <= TARGET ? "met" : `missed by ${(ratio / TARGET).toFixed(1)}×`}) · offramp --help ${help.toFixed(0)} ms`,
  ];
}
