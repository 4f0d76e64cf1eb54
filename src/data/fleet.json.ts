// Framework data loader: the organisation's fleet rows and key dates, as JSON on stdout.
import { loadFleet } from "../../loaders/data/workbook.js";

process.stdout.write(JSON.stringify(await loadFleet()));
