// Framework data loader: the bundled scenario and the default assumptions, validated.
import { join } from "node:path";
import { dataDir } from "../../loaders/data/paths.js";
import { readValidated } from "../../loaders/data/read.js";
import { AssumptionSet, Scenario } from "../lib/schema/index.js";

const root = dataDir();
try {
  const scenario = await readValidated(join(root, "scenarios", `${process.env.OFFRAMP_SCENARIO ?? "sample-organisation"}.json`), Scenario);
  const { assumptions } = await readValidated(join(root, "assumptions.json"), AssumptionSet);
  process.stdout.write(JSON.stringify({ scenario, assumptions }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
