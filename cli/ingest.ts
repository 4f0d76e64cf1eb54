/** `offramp ingest`: finds every Kaspersky install in inventory exports. */
import { parseArgs } from "node:util";
import { z } from "zod";
import { FORMATS } from "../src/lib/ingest/formats/index.js";
import type { Inventory } from "../src/lib/ingest/combine.js";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir } from "../loaders/data/paths.js";
import { readValidated } from "../loaders/data/read.js";
import { ingestFiles } from "../loaders/ingest/files.js";
import { UsageError, type Command, type Io } from "./command.js";

const Mapping = z.record(z.string(), z.string());

export const ingest: Command = {
  name: "ingest",
  summary: "read inventory exports and report devices and Kaspersky installs (--json for the full document)",
  usage: `offramp ingest [--format ${FORMATS.map((f) => f.id).join("|")}] [--mapping FILE] [--device HOST] [--now ISO] [--catalog NAME] [--json] FILE...`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: "string" }, mapping: { type: "string" }, now: { type: "string" }, catalog: { type: "string", default: "kaspersky" }, device: { type: "string" }, json: { type: "boolean", default: false } },
    });
    if (positionals.length === 0) throw new UsageError("name at least one file");
    if (values.format && !FORMATS.some((f) => f.id === values.format)) throw new UsageError(`--format: unknown format "${values.format}"; known: ${FORMATS.map((f) => f.id).join(", ")}`);
    const mapping = values.mapping ? await readValidated(values.mapping, Mapping) : undefined;
    if (values.now && Number.isNaN(Date.parse(values.now))) throw new UsageError(`--now: "${values.now}" is not a date`);
    const catalog = (await loadFacts(values.catalog, dataDir(io.env))).compiled;
    const progress = progressReporter(io);
    const inventory = await ingestFiles(
      positionals.map((path) => ({ path, format: values.format, mapping, device: values.device })),
      { catalog, now: values.now ? new Date(values.now).toISOString() : undefined, onProgress: progress.update },
    );
    progress.done();
    io.out(values.json ? JSON.stringify(toJson(inventory), null, 2) : toText(inventory));
    return inventory.sources.some((s) => s.fatal === null) ? 0 : 2;
  },
};

/** The CLI's JSON document: the contract other tools rely on. */
export function toJson(inventory: Inventory) {
  return {
    sources: inventory.sources.map((s) => ({ file: s.file, format: s.format, encoding: s.encoding, delimiter: s.delimiter, rows: s.rows, accepted: s.accepted, rejected: s.rejected, errors: s.errors, warnings: s.warnings, fatal: s.fatal })),
    devices: inventory.devices.length,
    kaspersky: inventory.kaspersky,
  };
}

function toText(inventory: Inventory): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const lines: string[] = [];
  for (const s of inventory.sources) {
    if (s.fatal) {
      lines.push(`✗ ${s.file}: ${s.fatal}`);
      continue;
    }
    const delimiter = s.delimiter === "\t" ? "tab" : s.delimiter;
    lines.push(`${s.rejected || s.warnings.length ? "!" : "✓"} ${s.file}: ${s.format}, ${s.encoding}${delimiter ? `, ${delimiter}-delimited` : ""}; ${n(s.rows)} rows: ${n(s.accepted)} accepted, ${n(s.rejected)} rejected`);
    for (const e of s.errors.slice(0, 10)) lines.push(`    line ${e.line}${e.column ? `, column "${e.column}"` : ""}: ${e.message}`);
    for (const w of s.warnings.slice(0, 10)) lines.push(`    warning, line ${w.line}: ${w.message}`);
    if (s.warnings.length > 10) lines.push(`    …and warnings on ${s.warnings.length - 10} more lines`);
    if (s.rejected > 10) lines.push(`    … ${n(s.rejected - 10)} more (see --json)`);
  }
  lines.push("", `${n(inventory.devices.length)} devices; ${n(inventory.kaspersky.devices)} run a Kaspersky product the US prohibition covers (${n(inventory.kaspersky.installs)} installs)`);
  for (const [product, count] of Object.entries(inventory.kaspersky.byProduct).sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n(count)).padStart(7)}  ${product}`);
  return lines.join("\n");
}

/** Progress on stderr, at most every 2 seconds, only once a run has taken 2 seconds. */
function progressReporter(io: Io) {
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    update(file: string, read: number, total: number) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      shown = true;
      io.err(`reading ${file}: ${total ? Math.round((read / total) * 100) : 0}% (${(read / 1048576).toFixed(0)} of ${(total / 1048576).toFixed(0)} MB)`);
    },
    done() {
      if (shown) io.err(`done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    },
  };
}

