/** Merging what sources say of one device. */
import type { DeviceObservation } from "./types.js";

const FILLABLE = ["osFamily", "osVersion", "deviceType", "ownership", "businessUnit", "site", "country", "criticality", "internetFacing", "dataSensitivity"] as const;

/** The key a file's reader knows a device by: its first source id, else its first name in lower case. */
export function deviceKey(device: { readonly ids: readonly string[]; readonly names: readonly string[] }): string | undefined {
  return device.ids[0] ?? device.names[0]?.toLowerCase();
}

/** `mergeObservation` in place, for the hot path: `from` wins where it is newer, else only fills gaps. */
export function mergeInto(into: DeviceObservation, from: DeviceObservation): void {
  for (const name of from.names) if (!into.names.includes(name)) into.names.push(flat(name));
  for (const id of from.ids) if (!into.ids.includes(id)) into.ids.push(flat(id));
  const newer = into.lastSeen !== undefined && from.lastSeen !== undefined && from.lastSeen > into.lastSeen;
  const target = into as unknown as Record<string, unknown>;
  const source = from as unknown as Record<string, unknown>;
  for (const key of FILLABLE) if (source[key] !== undefined && (newer || target[key] === undefined)) target[key] = typeof source[key] === "string" ? flat(source[key] as string) : source[key];
  if (from.lastSeen && (!into.lastSeen || from.lastSeen > into.lastSeen)) into.lastSeen = from.lastSeen;
}

/**
 * Merges two observations of one device: the newer one (by last seen) wins where both say
 * something; either fills what the other leaves empty.
 */
export function mergeObservation(a: DeviceObservation, b: DeviceObservation): DeviceObservation {
  const bNewer = a.lastSeen !== undefined && b.lastSeen !== undefined && b.lastSeen > a.lastSeen;
  const [winner, filler] = bNewer ? [b, a] : [a, b];
  const merged: DeviceObservation = { ...filler, ...stripUndefined(winner) };
  merged.names = [...new Set([...a.names, ...b.names])];
  merged.ids = [...new Set([...a.ids, ...b.ids])];
  if (a.lastSeen && b.lastSeen) merged.lastSeen = a.lastSeen > b.lastSeen ? a.lastSeen : b.lastSeen;
  return merged;
}

/**
 * A copy of a string that does not share memory with the chunk it was cut from. V8 keeps a
 * whole parsed chunk alive for as long as any slice of it lives; what we keep must not.
 */
export function flat(text: string): string {
  return text.length > 0 ? (" " + text).slice(1) : text;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
