/**
 * Loads an organisation from its inventory exports: the one path from files on disk to the fleet
 * rows every figure is computed from. An organisation folder (`loadFleet`) and a scenario's
 * inventory references (`loadScenario`) both come through here.
 */
import type { InventoryView } from "../../src/lib/ingest/inventory-view.js";
import { inventoryView } from "../../src/lib/ingest/inventory-view.js";
import { ingestFiles, type FileSpec } from "../ingest/files.js";
import type { Facts, UpdatesStopped } from "./facts.js";

/** No file of an organisation's inventory could be read: `reasons` names each and why. */
export class NoInventoryError extends Error {
  constructor(
    where: string,
    readonly reasons: string,
  ) {
    super(`${where}: no inventory export could be read (${reasons})`);
  }
}

export interface FleetData extends InventoryView {
  organisation: string;
  exportedAt: string | null;
  programme: string;
  /** Date (`YYYY-MM-DD`) and instant the vendor's updates stopped. */
  updatesStopped: UpdatesStopped;
}

/** What an organisation is besides its files. */
export interface OrganisationInfo {
  /** Its name, as pages and memos print it. */
  organisation: string;
  /** When the exports were taken (an organisation folder's manifest `exportedAt`), or null when nobody said. */
  exportedAt: string | null;
  /** The day the figures are for (`YYYY-MM-DD`): the scenario's as-of date. */
  asOf: string;
}

export interface LoadOrganisationOptions {
  /** How source reports and evidence name a file (default: its path as given). */
  label?: (path: string) => string;
  /** What the error names when no file can be read (default: the organisation's name). */
  where?: string;
}

/**
 * The instant relative dates in the exports ("4 minutes ago", "yesterday") are read against:
 * the export date when known (a folder's manifest says when its exports were taken), otherwise
 * 00:00 UTC on the as-of day (`${asOf}T00:00:00Z`). Known export dates are used as written.
 * The browser reads dropped files by the same rule: dropped files have no manifest, so they are
 * read against the current scenario's as-of day, as the same files named by that scenario are
 * here; that is why `offramp memo` and the Memo page agree on the same files.
 */
export function readingInstant(info: Pick<OrganisationInfo, "exportedAt" | "asOf">): string {
  return info.exportedAt ?? `${info.asOf}T00:00:00Z`;
}

/**
 * Ingests `files` with the programme's catalog, merges them into canonical devices and installs,
 * and joins them into fleet rows. A file that cannot be read is reported in its source's `fatal`
 * and the others still load; when none can be read, this throws, naming `where` and each file's
 * reason.
 */
export async function loadOrganisation(files: readonly FileSpec[], info: OrganisationInfo, facts: Facts, options: LoadOrganisationOptions = {}): Promise<FleetData> {
  const inventory = await ingestFiles(files, { catalog: facts.compiled, now: readingInstant(info), label: options.label });
  if (!inventory.sources.some((s) => s.fatal === null)) {
    throw new NoInventoryError(options.where ?? info.organisation, inventory.sources.map((s) => `${s.file}: ${s.fatal}`).join("; ") || "there are no files");
  }
  return {
    organisation: info.organisation,
    exportedAt: info.exportedAt,
    programme: facts.programme,
    updatesStopped: facts.updatesStopped,
    ...inventoryView(inventory, facts.compiled),
  };
}
