// Framework data loader: the preset scenarios and the facts every scenario is evaluated against.
import { readdir } from "node:fs/promises";
import { SOFTWARE } from "../../loaders/data/software.js";
import { join } from "node:path";
import { loadTimeline } from "../../loaders/data/regulation.js";
import { dataDir } from "../../loaders/data/paths.js";
import { readJson, readValidated } from "../../loaders/data/read.js";
import { milestone } from "../lib/regulation/milestones.js";
import { parseScenario } from "../lib/scenario/parse.js";
import { AssumptionSet, PriceBook, ReplacementOptions } from "../lib/schema/index.js";

const root = dataDir();
try {
  const dir = join(root, "scenarios", "presets");
  const presets = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".json")).sort().map(async (f) => parseScenario(await readJson(join(dir, f)), join(dir, f))));
  const regulation = await loadTimeline("kaspersky", root);
  const { assumptions } = await readValidated(join(root, "assumptions.json"), AssumptionSet);
  const book = await readValidated(join(root, "pricebook.json"), PriceBook);
  const { options } = await readValidated(join(root, "replacement-options.json"), ReplacementOptions);
    process.stdout.write(JSON.stringify({ presets, defaults: assumptions, book, options, regulation, updatesStopped: milestone(regulation, "updatesStopped").date, software: SOFTWARE }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
