/**
 * What changed between dated snapshots, device by device: migrated, came back, new with
 * Kaspersky, missing, and each wave's progress under the plan's wave rules.
 */
import { isKasperskyDevice } from "../model/frozen.js";
import { waveIndexOf } from "../model/schedule.js";
import type { MigrationPlan } from "../schema/index.js";
import { identityKeys, type Snapshot, type SnapshotDevice } from "./snapshot.js";

/** A device as the lists show it. */
export interface DeviceRef {
  hostname: string;
  businessUnit: string;
  /** The plan's wave it falls in (its id), or null without a plan. */
  wave: string | null;
}

export interface WaveProgress {
  id: string;
  label: string;
  /** Kaspersky devices in the wave at the baseline (the plan's start, else the first snapshot). */
  baseline: number;
  /** Kaspersky devices in the wave now. */
  remaining: number;
  /** Share of the baseline no longer on Kaspersky (below 0 when the wave grew). */
  done: number;
}

export interface SnapshotProgress {
  date: string;
  label: string;
  kasperskyDevices: number;
  /** Devices seen in this snapshot at all. */
  devices: number;
  /** Had Kaspersky in the snapshot before; seen now without it. */
  migrated: DeviceRef[];
  /** Seen without Kaspersky after having had it; Kaspersky again now (re-installed or re-imaged). */
  cameBack: DeviceRef[];
  /** Kaspersky now, never seen with it before (a new device, or one that never had it). */
  new: DeviceRef[];
  /** Had Kaspersky in the snapshot before; not in this snapshot at all (not seen: not the same as migrated). */
  missing: DeviceRef[];
  byWave: WaveProgress[];
}

type State = "kaspersky" | "clean";

/**
 * Follows every device through the snapshots (in date order) by the keys it is known by.
 * Comparisons are with the snapshot just before; the first snapshot's own lists are empty. Each
 * wave's progress is against `baselineByWave` (the plan's devices per wave at its start), else
 * against the first snapshot.
 */
export function trackSnapshots(snapshots: readonly Snapshot[], plan: MigrationPlan | null, baselineByWave?: ReadonlyMap<string, number>): SnapshotProgress[] {
  const sorted = [...snapshots].sort((a, b) => a.date.localeCompare(b.date));
  // Each device gets a track the first time one of its keys is seen; its other keys join it.
  const trackOf = new Map<string, number>();
  const histories: (State | undefined)[][] = [];
  const refs: DeviceRef[] = [];
  const waveIds = plan ? [...plan.waves.map((w) => w.id), "unassigned"] : [];
  const waveLabels = plan ? [...plan.waves.map((w) => w.label), "Devices no wave names"] : [];
  const waveOf = (d: SnapshotDevice) => (plan ? waveIds[waveIndexOf(plan, d)] ?? null : null);
  const baseline: number[] = [];
  return sorted.map((snapshot, i) => {
    const seen = new Set<number>();
    const byWave = waveIds.map(() => 0);
    for (const device of snapshot.devices) {
      const keys = identityKeys(device);
      let track = keys.map((k) => trackOf.get(k)).find((t) => t !== undefined && !seen.has(t));
      if (track === undefined) {
        track = histories.length;
        histories.push([]);
        refs.push({ hostname: device.hostname, businessUnit: device.businessUnit, wave: null });
      }
      for (const key of keys) if (!trackOf.has(key)) trackOf.set(key, track);
      seen.add(track);
      const kaspersky = isKasperskyDevice(device);
      histories[track]![i] = kaspersky ? "kaspersky" : "clean";
      // Named as last seen; in the wave it was in when last seen with Kaspersky.
      const wave = kaspersky ? waveOf(device) : refs[track]!.wave;
      refs[track] = { hostname: device.hostname, businessUnit: device.businessUnit, wave };
      if (kaspersky && wave !== null) byWave[waveIds.indexOf(wave)]!++;
    }
    if (i === 0) baseline.push(...(baselineByWave ? waveIds.map((id) => baselineByWave.get(id) ?? 0) : byWave));
    const progress: SnapshotProgress = {
      date: snapshot.date,
      label: snapshot.label,
      kasperskyDevices: histories.filter((h) => h[i] === "kaspersky").length,
      devices: seen.size,
      migrated: [],
      cameBack: [],
      new: [],
      missing: [],
      byWave: waveIds.map((id, w) => ({ id, label: waveLabels[w]!, baseline: baseline[w]!, remaining: byWave[w]!, done: baseline[w]! === 0 ? (byWave[w]! === 0 ? 1 : 0) : 1 - byWave[w]! / baseline[w]! })),
    };
    if (i === 0) return progress;
    histories.forEach((h, track) => {
      const now = h[i];
      const before = h[i - 1];
      if (before === "kaspersky" && now === "clean") progress.migrated.push(refs[track]!);
      else if (before === "kaspersky" && now === undefined) progress.missing.push(refs[track]!);
      else if (now === "kaspersky" && before !== "kaspersky") {
        const earlier = h.slice(0, i).filter((s): s is State => s !== undefined);
        if (!earlier.includes("kaspersky")) progress.new.push(refs[track]!);
        else if (earlier[earlier.length - 1] === "clean") progress.cameBack.push(refs[track]!);
        // Seen with Kaspersky, missing from the last snapshot, seen again with it: back in the count, in no list.
      }
    });
    const byName = (a: DeviceRef, b: DeviceRef) => a.hostname.localeCompare(b.hostname);
    for (const list of [progress.migrated, progress.cameBack, progress.new, progress.missing]) list.sort(byName);
    return progress;
  });
}
