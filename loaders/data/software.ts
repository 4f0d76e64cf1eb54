/** The software's name and version, from package.json: what memos and the workbook print in their appendix. */
import { readFileSync } from "node:fs";

export const SOFTWARE = { name: "Offramp", version: (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version };
