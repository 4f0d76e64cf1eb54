/** `offramp ingest`: finds every Kaspersky install in inventory exports. */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { deviceExport, DEVICE_EXPORT_COLUMNS } from "../src/lib/export/devices.js";
import { toCsv } from "../src/lib/export/csv.js";
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
  usage: `offramp ingest [--format ${FORMATS.map((f) => f.id).join("|")}] [--mapping FILE] [--device HOST] [--now ISO] [--catalog NAME] [--json] [--devices OUT.csv|OUT.json] FILE...`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: "string" }, mapping: { type: "string" }, now: { type: "string" }, catalog: { type: "string", default: "kaspersky" }, device: { type: "string" }, json: { type: "boolean", default: false }, devices: { type: "string" } },
    });
    if (positionals.length === 0) throw new UsageError("name at least one file");
    if (values.format && !FORMATS.some((f) => f.id === values.format)) throw new UsageError(`--format: unknown format "${values.format}"; known: ${FORMATS.map((f) => f.id).join(", ")}`);
    const mapping = values.mapping ? await readValidated(values.mapping, Mapping) : undefined;
    if (values.now && Number.isNaN(Date.parse(values.now))) throw new UsageError(`--now: "${values.now}" is not a date`);
    if (values.devices !== undefined && !/\.(csv|json)$/i.test(values.devices)) throw new UsageError(`--devices: name a .csv or .json file, got "${values.devices}"`);
    const facts = await loadFacts(values.catalog, dataDir(io.env));
    const catalog = facts.compiled;
    const progress = progressReporter(io);
    const inventory = await ingestFiles(
      positionals.map((path) => ({ path, format: values.format, mapping, device: values.device })),
      { catalog, now: values.now ? new Date(values.now).toISOString() : undefined, onProgress: progress.update },
    );
    progress.done();
    if (values.devices !== undefined) {
      // One row per device, every cell formula-neutralised like the browser's export.
      const rows = deviceExport(inventory, catalog, facts.updatesStopped.date);
      await writeFile(values.devices, /\.json$/i.test(values.devices) ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows, DEVICE_EXPORT_COLUMNS));
      io.err(`wrote ${values.devices}: ${rows.length.toLocaleString("en-US")} devices, ${rows.filter((r) => r.coveredProducts).length.toLocaleString("en-US")} running a covered product`);
    }
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
  const table = (title: string, counts: Record<string, number>) => {
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (rows.length === 0) return;
    if (title) lines.push(title);
    for (const [product, count] of rows) lines.push(`  ${String(n(count)).padStart(7)}  ${product}`);
  };
  table("", inventory.kaspersky.byProduct);
  table("Not covered by the prohibition (installs):", inventory.kaspersky.notCovered);
  table("Unclear, to review (installs; not counted above):", inventory.kaspersky.unclear);
  const estate = inventory.kaspersky.estate;
  if (estate.length) {
    lines.push("Estate-level counts from aggregate reports (devices per product, summed over versions; they name no device, so they are not joined to the devices above):");
    for (const e of estate) lines.push(`  ${String(n(e.devices)).padStart(7)}  ${e.product}${e.covered === "yes" ? "" : e.covered === "no" ? " (not covered)" : " (unclear)"} · ${n(e.versions)} version${e.versions === 1 ? "" : "s"}, ${e.files.join(", ")}`);
  }
  return lines.join("\n");
}

/** Progress on stderr, at most every 2 seconds, only once a run has taken 2 seconds. */
export function progressReporter(io: Io) {
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

