/** Where the workbook's inputs live. */
import { resolve } from "node:path";

/** The project's data folder: catalogs, timelines, assumptions, presets. */
export const DATA_DIR = resolve(import.meta.dirname, "../../data");

/**
 * The organisation the workbook shows: the bundled sample, or the folder named by
 * OFFRAMP_DATA_DIR (a consultant's client exports, prepared the same way).
 */
export function organisationDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.OFFRAMP_DATA_DIR ?? resolve(DATA_DIR, "sample"));
}
