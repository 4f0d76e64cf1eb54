// Framework data loader: the preset scenarios and the facts every scenario is evaluated against.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { loadFacts } from "../../loaders/data/facts.js";
import { dataDir } from "../../loaders/data/paths.js";
import { readJson } from "../../loaders/data/read.js";
import { SOFTWARE } from "../../loaders/data/software.js";
import { parseScenario } from "../lib/scenario/parse.js";

const root = dataDir();
try {
  const dir = join(root, "scenarios", "presets");
  const presets = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".json")).sort().map(async (f) => parseScenario(await readJson(join(dir, f)), join(dir, f))));
  const facts = await loadFacts("kaspersky", root);
  process.stdout.write(JSON.stringify({ presets, defaults: facts.defaults, book: facts.book, options: facts.options, regulation: facts.timeline, updatesStopped: facts.updatesStopped.date, software: SOFTWARE }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
