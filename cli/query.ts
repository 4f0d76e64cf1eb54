/** `offramp query`: the catalog's search as a query for the engine that already holds the inventory. */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir } from "../loaders/data/paths.js";
import { catalogQuery, isQueryTarget, QUERY_TARGETS } from "../src/lib/query/index.js";
import { UsageError, type Command } from "./command.js";

export const query: Command = {
  async run(args, io) {
    const { values } = parseArgs({ args, options: { target: { type: "string" }, catalog: { type: "string", default: "kaspersky" }, out: { type: "string" } } });
    if (!values.target || !isQueryTarget(values.target)) throw new UsageError(`--target: one of ${Object.keys(QUERY_TARGETS).join(", ")}`);
    const facts = await loadFacts(values.catalog, dataDir(io.env));
    const text = `${catalogQuery(values.target, facts.catalog, values.catalog)}\n`;
    if (values.out) {
      await writeFile(values.out, text);
      io.err(`wrote ${values.out}: the ${QUERY_TARGETS[values.target].label} query for the "${values.catalog}" catalog`);
    } else io.out(text.trimEnd());
    return 0;
  },
};
