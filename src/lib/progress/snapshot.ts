/**
 * A snapshot: the estate as a set of inventory exports showed it on one date. Devices are
 * FleetRows (the one definition of a Kaspersky device counts them) with the names and ids
 * the exports gave, by which a device is recognised in the next snapshot.
 */
import type { CompiledCatalog } from "../catalog/match.js";
import type { Inventory } from "../ingest/combine.js";
import { shortHostName } from "../ingest/names.js";
import { fleetRows, type FleetRow } from "../model/fleet.js";
import type { SourceReport } from "../ingest/types.js";
import type { InventorySourceRef } from "../schema/index.js";

/** A device in a snapshot: its fleet row, the names and ids it is known by, and the replacement software seen on it. */
export type SnapshotDevice = FleetRow & { aliases?: readonly string[]; replacements?: readonly string[] };

export interface Snapshot {
  /** The day the exports were taken (`YYYY-MM-DD`). */
  date: string;
  /** What the user called it (a folder's name), for messages. */
  label: string;
  devices: SnapshotDevice[];
  /** The files read for it, with their counts (rows = accepted + rejected) and any that could not be read. */
  sources: SourceReport[];
}

/** A snapshot from what `combine` made of its exports. */
export function snapshotOf(date: string, label: string, inventory: Pick<Inventory, "devices" | "installs" | "sources" | "replacements">, catalog: CompiledCatalog): Snapshot {
  const aliases = new Map(inventory.devices.map((d) => [d.id, d.aliases]));
  return snapshotFromRows(date, label, fleetRows(inventory.devices, inventory.installs, catalog), inventory.replacements ?? {}, inventory.sources, aliases);
}

/** A snapshot from fleet rows (what the browser's ingest worker gives), with the replacements seen on each device. */
export function snapshotFromRows(date: string, label: string, rows: readonly FleetRow[], replacements: Readonly<Record<string, readonly string[]>>, sources: SourceReport[], aliases?: ReadonlyMap<string, readonly string[]>): Snapshot {
  const replaced = new Map(Object.entries(replacements));
  return { date, label, devices: rows.map((row) => ({ ...row, aliases: aliases?.get(row.deviceId) ?? [], replacements: replaced.get(row.deviceId) ?? [] })), sources };
}

/**
 * The keys a device is known by across snapshots: its host name as every source compares it
 * (short, lower case, 15 characters) and each alias (source ids, other names). The same rules
 * as merging sources within one snapshot.
 */
export function identityKeys(device: Pick<SnapshotDevice, "hostname" | "aliases">): string[] {
  const keys = [`host:${shortHostName(device.hostname)}`];
  for (const alias of device.aliases ?? []) keys.push(alias.includes(":") && !alias.includes(".") ? `id:${alias.toLowerCase()}` : `host:${shortHostName(alias)}`);
  return keys;
}

/**
 * How to read a snapshot's files, by name: as the scenario reads the export of the same name (a
 * snapshot is the same exports taken again), e.g. the host an appliance's SBOM describes.
 */
export function readingHints(refs: readonly Pick<InventorySourceRef, "file" | "format" | "mapping" | "device">[]): [string, { format?: string; mapping?: Record<string, string>; device?: string }][] {
  return refs.map((r) => [r.file.split(/[\\/]/).pop()!, { format: r.format, mapping: r.mapping, device: r.device }]);
}

/** The scenario's own inventory as the first snapshot: where the plan starts from, dated as of the scenario. */
export function baselineSnapshot(asOf: string, rows: readonly FleetRow[]): Snapshot {
  return { date: asOf, label: "the scenario's inventory", devices: [...rows], sources: [] };
}
