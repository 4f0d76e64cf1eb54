/**
 * `offramp ingest` against DuckDB reading the same Defender CSV and counting Kaspersky rows with
 * the same catalog patterns. Both run as separate processes, each reporting its own time and peak
 * memory. Targets: at most 2x DuckDB's time at 1M rows; 5M rows with peak RSS under 500 MB.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { writeDefenderCsv } from "./defender-csv.js";

const run = promisify(execFile);

interface Timed {
  seconds: number;
  peakRssMb: number;
  kasperskyRows: number;
}

async function offramp(file: string): Promise<Timed> {
  const { stdout, stderr } = await run(process.execPath, [resolve("cli/offramp.js"), "ingest", "--json", file], { env: { ...process.env, OFFRAMP_STATS: "1" }, maxBuffer: 1 << 26 });
  const stats = JSON.parse(/^stats: (.*)$/m.exec(stderr)![1]!) as { seconds: number; peakRssMb: number };
  const doc = JSON.parse(stdout) as { kaspersky: { byProduct: Record<string, number> } };
  return { ...stats, kasperskyRows: Object.values(doc.kaspersky.byProduct).reduce((a, b) => a + b, 0) };
}

async function duckdb(file: string): Promise<Timed> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", resolve("bench/duckdb-count.ts"), file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Timed;
}

export async function benchIngest(rowCounts = [1_000_000, 5_000_000]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "offramp-bench-"));
  const lines: string[] = [];
  try {
    for (const rows of rowCounts) {
      const file = join(dir, `defender-${rows}.csv`);
      const { bytes, kasperskyRows } = await writeDefenderCsv(file, rows);
      const ours = await offramp(file);
      const peer = await duckdb(file);
      lines.push(
        `offramp ingest, Defender CSV of ${rows.toLocaleString("en-US")} rows (${(bytes / 1048576).toFixed(0)} MB, ${kasperskyRows.toLocaleString("en-US")} Kaspersky rows)`,
        `  offramp ${ours.seconds.toFixed(2)} s, peak RSS ${ours.peakRssMb.toFixed(0)} MB · DuckDB ${peer.seconds.toFixed(2)} s, peak RSS ${peer.peakRssMb.toFixed(0)} MB · ratio ${(ours.seconds / peer.seconds).toFixed(2)} (target at most 2.00 at 1M rows; RSS under 500 MB at 5M)`,
        `  Kaspersky found: offramp ${ours.kasperskyRows.toLocaleString("en-US")} installs (a device's repeated rows of one product and version are one install), DuckDB ${peer.kasperskyRows.toLocaleString("en-US")} rows, ${kasperskyRows.toLocaleString("en-US")} rows written`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

export const catalogPatterns = () => JSON.parse(readFileSync("data/catalogs/kaspersky.json", "utf8")) as { products: { match: { field: string; pattern: string }[] }[] };
