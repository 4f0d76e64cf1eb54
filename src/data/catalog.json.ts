// Framework data loader: the validated product catalog, for the browser's ingest worker.
import { join } from "node:path";
import { readValidated } from "../../loaders/data/read.js";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { Catalog } from "../lib/schema/index.js";

process.stdout.write(JSON.stringify(await readValidated(join(DATA_DIR, "catalogs/kaspersky.json"), Catalog)));
