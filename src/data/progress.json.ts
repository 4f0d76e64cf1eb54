// Framework data loader: the workbook's scenario tracked with the organisation folder's dated snapshots (as `offramp track`), as JSON on stdout.
import { loadWorkbookProgress } from "../../loaders/progress/workbook.js";

try {
  process.stdout.write(JSON.stringify(await loadWorkbookProgress()));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
