// Framework data loader: the bundled scenario and the default assumptions, validated.
import { join } from "node:path";
import { dataDir, workbookScenarioFile } from "../../loaders/data/paths.js";
import { readJson, readValidated } from "../../loaders/data/read.js";
import { parseScenario } from "../lib/scenario/parse.js";
import { AssumptionSet } from "../lib/schema/index.js";

const root = dataDir();
try {
  const file = workbookScenarioFile();
  const scenario = parseScenario(await readJson(file), file);
  const { assumptions } = await readValidated(join(root, "assumptions.json"), AssumptionSet);
  process.stdout.write(JSON.stringify({ scenario, assumptions }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
