// Framework data loader: the price book and the replacement options, validated.
import { join } from "node:path";
import { dataDir } from "../../loaders/data/paths.js";
import { readValidated } from "../../loaders/data/read.js";
import { PriceBook, ReplacementOptions } from "../lib/schema/index.js";

const root = dataDir();
try {
  const book = await readValidated(join(root, "pricebook.json"), PriceBook);
  const { options } = await readValidated(join(root, "replacement-options.json"), ReplacementOptions);
  process.stdout.write(JSON.stringify({ book, options }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
