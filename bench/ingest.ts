/**
 * `offramp ingest --json` against DuckDB reading the same Defender CSV and counting Kaspersky rows
 * with the same catalog patterns. Both run as separate processes and are timed whole, start-up
 * included, as a user runs them; each reports its peak memory. Targets (issue 16): at most 2×
 * DuckDB's whole-process time at 1M rows; peak RSS under 300 MB at 1M rows and 500 MB at 5M.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { writeDefenderCsv } from "./defender-csv.js";
import { verdict } from "./timing.js";

const run = promisify(execFile);

interface Timed {
  /** Whole process, start-up included. */
  seconds: number;
  peakRssMb: number;
  kasperskyRows: number;
}

async function offramp(file: string): Promise<Timed> {
  const start = performance.now();
  const { stdout, stderr } = await run(process.execPath, [resolve("cli/offramp.js"), "ingest", "--json", file], { env: { ...process.env, OFFRAMP_STATS: "1" }, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  const stats = JSON.parse(/^stats: (.*)$/m.exec(stderr)![1]!) as { peakRssMb: number };
  const doc = JSON.parse(stdout) as { kaspersky: { byProduct: Record<string, number> } };
  return { seconds, peakRssMb: stats.peakRssMb, kasperskyRows: Object.values(doc.kaspersky.byProduct).reduce((a, b) => a + b, 0) };
}

async function duckdb(file: string): Promise<Timed> {
  const start = performance.now();
  const { stdout } = await run(process.execPath, [resolve("bench/duckdb-count.mjs"), file], { maxBuffer: 1 << 20 });
  const seconds = (performance.now() - start) / 1000;
  return { ...(JSON.parse(stdout) as Timed), seconds };
}

const RUNS = 3;
/** The run with the median time. */
const median = (runs: Timed[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;


export async function benchIngest(rowCounts = [1_000_000, 5_000_000]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "offramp-bench-"));
  const lines: string[] = [];
  try {
    for (const rows of rowCounts) {
      const file = join(dir, `defender-${rows}.csv`);
      const { bytes, kasperskyRows } = await writeDefenderCsv(file, rows);
      // Three runs each, taken in turn so both see the same machine; the median run of each is reported.
      const oursRuns: Timed[] = [];
      const peerRuns: Timed[] = [];
      for (let run = 0; run < RUNS; run++) {
        oursRuns.push(await offramp(file));
        peerRuns.push(await duckdb(file));
      }
      const ours = median(oursRuns);
      const peer = median(peerRuns);
      const ratio = ours.seconds / peer.seconds;
      const memoryTarget = rows <= 1_000_000 ? 300 : 500;
      lines.push(
        `offramp ingest --json, Defender CSV of ${rows.toLocaleString("en-US")} rows (${(bytes / 1048576).toFixed(0)} MB, ${kasperskyRows.toLocaleString("en-US")} Kaspersky rows), whole processes`,
        `  median of ${RUNS} runs each, taken in turn: offramp ${ours.seconds.toFixed(2)} s (runs ${oursRuns.map((r) => r.seconds.toFixed(2)).join(", ")}), peak RSS ${ours.peakRssMb.toFixed(0)} MB · DuckDB ${peer.seconds.toFixed(2)} s (runs ${peerRuns.map((r) => r.seconds.toFixed(2)).join(", ")}), peak RSS ${peer.peakRssMb.toFixed(0)} MB`,
        `  time ratio ${ratio.toFixed(2)}× DuckDB${rows === 1_000_000 ? ` (target at most 2×: ${verdict(ratio, 2)})` : ""} · memory ratio ${(ours.peakRssMb / peer.peakRssMb).toFixed(2)}× DuckDB · peak RSS target under ${memoryTarget} MB: ${verdict(ours.peakRssMb, memoryTarget)}`,
        `  Kaspersky found: offramp ${ours.kasperskyRows.toLocaleString("en-US")} installs (a device's repeated rows of one product and version are one install), DuckDB ${peer.kasperskyRows.toLocaleString("en-US")} rows, ${kasperskyRows.toLocaleString("en-US")} rows written`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

