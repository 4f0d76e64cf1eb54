/**
 * Loads what the pages show about an organisation: its devices and installs (the canonical
 * tables), the product catalog and the timeline, all validated, joined into fleet rows.
 */
import { join } from "node:path";
import { z } from "zod";
import { compileCatalog } from "../../src/lib/catalog/match.js";
import { fleetRows, type FleetRow } from "../../src/lib/model/fleet.js";
import { eventInstant, milestone } from "../../src/lib/regulation/milestones.js";
import { Catalog, Device, Install, Timeline } from "../../src/lib/schema/index.js";
import { DATA_DIR, organisationDir } from "./paths.js";
import { readValidated } from "./read.js";

export interface FleetData {
  organisation: string;
  exportedAt: string | null;
  programme: string;
  /** Date (`YYYY-MM-DD`) and instant the vendor's updates stopped. */
  updatesStopped: { date: string; instant: string; eventId: string; citation: string };
  rows: FleetRow[];
}

const Manifest = z.object({ organisation: z.string(), exportedAt: z.string().optional() }).loose();

export async function loadFleet(dir = organisationDir(), programme = "kaspersky"): Promise<FleetData> {
  const [manifest, devices, installs, catalog, timeline] = await Promise.all([
    readValidated(join(dir, "manifest.json"), Manifest),
    readValidated(join(dir, "truth/devices.json"), z.array(Device)),
    readValidated(join(dir, "truth/installs.json"), z.array(Install)),
    readValidated(join(DATA_DIR, "catalogs", `${programme}.json`), Catalog),
    readValidated(join(DATA_DIR, "timelines", `${programme}.json`), Timeline),
  ]);
  const cutoff = milestone(timeline, "updatesStopped");
  return {
    organisation: manifest.organisation,
    exportedAt: manifest.exportedAt ?? null,
    programme,
    updatesStopped: { date: cutoff.date, instant: eventInstant(cutoff).toISOString(), eventId: cutoff.id, citation: cutoff.citation },
    rows: fleetRows(devices, installs, compileCatalog(catalog)),
  };
}

