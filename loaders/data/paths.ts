/** Where the workbook's inputs live. */
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";

/** The project's data folder: catalogs, timelines, profiles, assumptions. */
export const DATA_DIR = resolve(import.meta.dirname, "../../data");

/**
 * The folder the facts are read from: data/, or OFFRAMP_DATA_ROOT (a copy with its own
 * catalogs/, timelines/ and profiles/, e.g. to test an edit before it lands).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.OFFRAMP_DATA_ROOT ?? DATA_DIR);
}

/**
 * The organisation the workbook shows: the bundled sample, or the folder named by
 * OFFRAMP_DATA_DIR (a consultant's client exports, prepared the same way).
 */
export function organisationDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.OFFRAMP_DATA_DIR ?? resolve(DATA_DIR, "sample"));
}

/** The scenario the workbook opens with: OFFRAMP_SCENARIO_FILE, or the bundled sample organisation's. */
export function workbookScenarioFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.OFFRAMP_SCENARIO_FILE ?? resolve(dataDir(env), "scenarios", "sample-organisation.json"));
}

/** Whether `path` lies inside one of `roots`, links followed on both sides. */
export async function inside(path: string, roots: readonly string[]): Promise<boolean> {
  const real = await realpath(path).catch(() => path);
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  return realRoots.some((root) => {
    const r = relative(root, real);
    return r === "" || (!r.startsWith("..") && !isAbsolute(r));
  });
}
