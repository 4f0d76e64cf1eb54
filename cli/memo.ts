/** `offramp memo`: the decision memo as Markdown, HTML, DOCX or PDF. */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { inventoryReport } from "../src/lib/ingest/inventory-report.js";
import { reportInventory } from "./inventory-report.js";
import { toDocx } from "../src/lib/memo/docx.js";
import { toHtml } from "../src/lib/memo/html.js";
import { toMarkdown } from "../src/lib/memo/markdown.js";
import { composeMemo } from "../loaders/memo/compose.js";
import { printPdf, rasterize } from "../loaders/memo/render.js";
import { spreadFlags, wholeNumber } from "./args.js";
import { reportSnapshots, snapshotSpecs } from "./snapshots.js";
import { UsageError, type Command } from "./command.js";

const FORMATS = ["md", "html", "docx", "pdf"] as const;

export const memo: Command = {
  async run(args, io) {
    const { values } = parseArgs({
      args: spreadFlags(args, ["--inventory", "--compare"]),
      options: { scenario: { type: "string" }, inventory: { type: "string", multiple: true }, compare: { type: "string", multiple: true }, format: { type: "string" }, out: { type: "string" }, trials: { type: "string" }, snapshot: { type: "string", multiple: true }, "allow-missing": { type: "boolean", default: false } },
    });
    if (!values.scenario) throw new UsageError("--scenario FILE is required");
    if (!values.format || !FORMATS.includes(values.format as (typeof FORMATS)[number])) throw new UsageError(`--format: one of ${FORMATS.join(", ")}`);
    if (!values.out) throw new UsageError("--out PATH is required");
    const trials = wholeNumber("trials", values.trials, 100, 1_000_000);
    const snapshots = snapshotSpecs(values.snapshot);
    const composed = await composeMemo(values.scenario, { inventory: values.inventory, compare: values.compare, trials, snapshots });
    // Snapshots that would give wrong figures (one with nothing readable, a date twice) stop the memo before it is written.
    if (composed.snapshots) {
      const stop = reportSnapshots(composed.snapshots, composed.inputs.scenario.asOf, io, "memo");
      if (stop !== null) return stop;
    }
    for (const warning of composed.warnings) io.err(warning);
    const stop = reportInventory(inventoryReport(composed.sources), io, values["allow-missing"]);
    if (stop !== null) return stop;
    let bytes: Uint8Array | string;
    switch (values.format) {
      case "md":
        bytes = toMarkdown(composed.memo, composed.figures);
        break;
      case "html":
        bytes = toHtml(composed.memo, composed.figures);
        break;
      case "docx":
        bytes = await toDocx(composed.memo, await rasterize(composed.figures));
        break;
      default:
        bytes = await printPdf(toHtml(composed.memo, composed.figures));
    }
    await writeFile(values.out, bytes);
    io.err(`wrote ${values.out} (${values.format}, content hash ${composed.inputs.contentHash.slice(0, 12)}…)`);
    return 0;
  },
};
