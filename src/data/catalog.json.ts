// Framework data loader: the validated product catalog, for the browser's ingest worker.
import { loadFacts } from "../../loaders/data/facts.js";

try {
  process.stdout.write(JSON.stringify((await loadFacts("kaspersky")).catalog));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
