/**
 * Loads the organisation folder the workbook shows (OFFRAMP_DATA_DIR, or the bundled sample):
 * its manifest says who it is, when the exports were taken and which files to read; the files go
 * through the one `loadOrganisation`, as a scenario's inventory does.
 */
import { readdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { z } from "zod";
import { asOfDay } from "../../src/lib/util/as-of.js";
import type { FileSpec } from "../ingest/files.js";
import { loadFacts, type Facts } from "./facts.js";
import { loadOrganisation, type FleetData } from "./organisation.js";
import { organisationDir } from "./paths.js";
import { readValidated } from "./read.js";

export type { FleetData };

/**
 * An organisation folder's manifest: its name, when the exports were taken, and which files to
 * read (with a format or column mapping where detection needs help). Without a manifest, every
 * file in the folder (and in its `exports/` folder) is read.
 */
export const OrganisationManifest = z
  .object({
    organisation: z.string().min(1),
    exportedAt: z.string().optional(),
    exports: z.array(z.object({ file: z.string().min(1), format: z.string().optional(), mapping: z.record(z.string(), z.string()).optional(), device: z.string().optional() }).loose()).optional(),
  })
  .loose();

async function manifestOf(dir: string): Promise<z.infer<typeof OrganisationManifest>> {
  try {
    return await readValidated(join(dir, "manifest.json"), OrganisationManifest);
  } catch (error) {
    if (/cannot be read \(ENOENT\)/.test((error as Error).message)) return { organisation: dir.split(/[\\/]/).pop() ?? "Organisation" };
    throw error;
  }
}

async function exportFiles(dir: string, manifest: z.infer<typeof OrganisationManifest>): Promise<FileSpec[]> {
  // A manifest names files in its own folder: anything that leads outside it ("../..", an absolute path) is reported, never read.
  if (manifest.exports)
    return manifest.exports.map((e) => {
      const path = resolve(dir, e.file);
      const r = relative(dir, path);
      const outside = r.startsWith("..") || isAbsolute(r);
      return { path, format: e.format, mapping: e.mapping, device: e.device, ...(outside ? { refused: "is outside the organisation's folder, so it was not read" } : {}) };
    });
  const files: FileSpec[] = [];
  for (const folder of [dir, join(dir, "exports")]) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile() && !entry.name.startsWith(".") && entry.name !== "manifest.json") files.push({ path: join(folder, entry.name) });
  }
  return files;
}

export interface LoadFleetOptions {
  /** The facts to read the exports with (the Kaspersky programme's from data/ by default). */
  facts?: Facts;
  /**
   * The day the figures are for (`YYYY-MM-DD`; today by default). It matters only when the
   * manifest gives no `exportedAt`: relative dates are then read against 00:00 UTC of this day.
   */
  asOf?: string;
}

/** The organisation in folder `dir`: its manifest's name and export date, and every export it names (or holds). */
export async function loadFleet(dir = organisationDir(), options: LoadFleetOptions = {}): Promise<FleetData> {
  const [manifest, facts] = await Promise.all([manifestOf(dir), options.facts ?? loadFacts("kaspersky")]);
  return loadOrganisation(
    await exportFiles(dir, manifest),
    { organisation: manifest.organisation, exportedAt: manifest.exportedAt ?? null, asOf: options.asOf ?? asOfDay(null) },
    facts,
    { label: (path) => relative(dir, path), where: dir },
  );
}
