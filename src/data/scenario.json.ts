// Framework data loader: the bundled scenario and the default assumptions, validated.
import { loadFacts } from "../../loaders/data/facts.js";
import { workbookScenarioFile } from "../../loaders/data/paths.js";
import { readJson } from "../../loaders/data/read.js";
import { parseScenario } from "../lib/scenario/parse.js";

try {
  const file = workbookScenarioFile();
  const scenario = parseScenario(await readJson(file), file);
  const { defaults } = await loadFacts(scenario.programme);
  process.stdout.write(JSON.stringify({ scenario, assumptions: defaults }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
