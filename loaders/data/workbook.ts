/**
 * Loads what the pages show about an organisation: its inventory exports, ingested and merged
 * into canonical devices and installs, joined into fleet rows, with the timeline's key dates.
 */
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { z } from "zod";
import { compileCatalog } from "../../src/lib/catalog/match.js";
import { inventoryView, type InventoryView } from "../../src/lib/ingest/inventory-view.js";
import { eventInstant, milestone } from "../../src/lib/regulation/milestones.js";
import { Catalog, Timeline } from "../../src/lib/schema/index.js";
import { ingestFiles, type FileSpec } from "../ingest/files.js";
import { dataDir, organisationDir } from "./paths.js";
import { readValidated } from "./read.js";

export interface FleetData extends InventoryView {
  organisation: string;
  exportedAt: string | null;
  programme: string;
  /** Date (`YYYY-MM-DD`) and instant the vendor's updates stopped. */
  updatesStopped: { date: string; instant: string; eventId: string; citation: string };
}

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
  if (manifest.exports) return manifest.exports.map((e) => ({ path: join(dir, e.file), format: e.format, mapping: e.mapping, device: e.device }));
  const files: FileSpec[] = [];
  for (const folder of [dir, join(dir, "exports")]) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile() && !entry.name.startsWith(".") && entry.name !== "manifest.json") files.push({ path: join(folder, entry.name) });
  }
  return files;
}

export async function loadFleet(dir = organisationDir(), programme = "kaspersky"): Promise<FleetData> {
  const [manifest, catalogData, timeline] = await Promise.all([
    manifestOf(dir),
    readValidated(join(dataDir(), "catalogs", `${programme}.json`), Catalog),
    readValidated(join(dataDir(), "timelines", `${programme}.json`), Timeline),
  ]);
  const catalog = compileCatalog(catalogData);
  const now = manifest.exportedAt ?? new Date().toISOString();
  const inventory = await ingestFiles(await exportFiles(dir, manifest), { catalog, now, label: (path) => relative(dir, path) });
  const readable = inventory.sources.filter((s) => s.fatal === null);
  if (readable.length === 0) throw new Error(`${dir}: no inventory export could be read (${inventory.sources.map((s) => `${s.file}: ${s.fatal}`).join("; ") || "the folder has no files"})`);
  const cutoff = milestone(timeline, "updatesStopped");
  return {
    organisation: manifest.organisation,
    exportedAt: manifest.exportedAt ?? null,
    programme,
    updatesStopped: { date: cutoff.date, instant: eventInstant(cutoff).toISOString(), eventId: cutoff.id, citation: cutoff.citation },
    ...inventoryView(inventory, catalog),
  };
}

