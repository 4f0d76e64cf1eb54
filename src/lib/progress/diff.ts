/**
 * What changed between dated snapshots, device by device: migrated, came back, new with
 * Kaspersky, missing, and each wave's progress under the plan's wave rules.
 */
import { isKasperskyDevice } from "../model/frozen.js";
import { waveIndexOf, waveKind } from "../model/schedule.js";
import type { FleetRow } from "../model/fleet.js";
import type { MigrationPlan } from "../schema/index.js";
import { identityKeys, type Snapshot, type SnapshotDevice } from "./snapshot.js";

/** A device as the lists show it. */
export interface DeviceRef {
  hostname: string;
  businessUnit: string;
  /** The plan's wave it falls in (its id), or null without a plan. */
  wave: string | null;
  /** Replacement software seen on it in this snapshot (empty where the exports show none). */
  replacements: readonly string[];
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
  /**
   * Devices still on Kaspersky that the plan migrates: those seen with it, and those not seen at
   * all whose last sighting was with it (missing is never progress).
   */
  kasperskyDevices: number;
  /** Of those, the ones not seen in this snapshot (carried from their last sighting). */
  unseen: number;
  /** Devices with Kaspersky the scenario's option keeps on it (not the plan's to migrate; never in the band). */
  kept: number;
  /** Devices seen in this snapshot at all. */
  devices: number;
  /** Had Kaspersky in the snapshot before; seen now without it. */
  migrated: DeviceRef[];
  /** Of those, the ones with a replacement seen (where the exports list one). */
  migratedWithReplacement: number;
  /** Seen without Kaspersky after having had it; Kaspersky again now (re-installed or re-imaged). */
  cameBack: DeviceRef[];
  /** Kaspersky now, never seen with it before (a new device, or one that never had it). */
  new: DeviceRef[];
  /** Had Kaspersky in the snapshot before; not in this snapshot at all (not seen: not the same as migrated). */
  missing: DeviceRef[];
  byWave: WaveProgress[];
}

/** A device's state in one snapshot: not seen, seen without Kaspersky, seen with it. */
const ABSENT = 0;
const CLEAN = 1;
const KASPERSKY = 2;
/** Kaspersky on a device the option keeps: neither migrated nor to migrate. */
const KEPT = 3;

/**
 * Follows every device through the snapshots (in date order) by the keys it is known by.
 * Comparisons are with the snapshot just before; the first snapshot's own lists are empty. Each
 * wave's progress is against `baselineByWave` (the plan's devices per wave at its start), else
 * against the first snapshot. States are kept a byte per device and snapshot, and devices alike
 * in every field a wave can name are matched to a wave once: 100,000 devices in four snapshots
 * are followed in well under a second.
 */
export function trackSnapshots(snapshots: readonly Snapshot[], plan: MigrationPlan | null, baselineByWave?: ReadonlyMap<string, number>, migrates: (row: FleetRow) => boolean = () => true): SnapshotProgress[] {
  const sorted = [...snapshots].sort((a, b) => a.date.localeCompare(b.date));
  // Each device gets a track the first time one of its keys is seen; its other keys join it.
  const trackOf = new Map<string, number>();
  let tracks = 0;
  const states = sorted.map(() => new Uint8Array(0));
  const refs: DeviceRef[] = [];
  const waveIds = plan ? [...plan.waves.map((w) => w.id), "unassigned"] : [];
  const waveLabels = plan ? [...plan.waves.map((w) => w.label), "Devices no wave names"] : [];
  const waveMemo = new Map<string, string | null>();
  const waveOf = (d: SnapshotDevice): string | null => {
    if (!plan) return null;
    const kind = waveKind(d);
    let wave = waveMemo.get(kind);
    if (wave === undefined) waveMemo.set(kind, (wave = waveIds[waveIndexOf(plan, d)] ?? null));
    return wave;
  };
  const baseline: number[] = [];
  // Each device's state when last seen: a device missing now is counted as it was then.
  let lastSeen = new Uint8Array(16);
  return sorted.map((snapshot, i) => {
    let state = new Uint8Array(Math.max(16, tracks + snapshot.devices.length));
    const byWave = waveIds.map(() => 0);
    for (const device of snapshot.devices) {
      const keys = identityKeys(device);
      let track: number | undefined;
      for (const key of keys) {
        const t = trackOf.get(key);
        if (t !== undefined && state[t] === ABSENT) {
          track = t;
          break;
        }
      }
      if (track === undefined) {
        track = tracks++;
        refs.push({ hostname: device.hostname, businessUnit: device.businessUnit, wave: null, replacements: [] });
      }
      for (const key of keys) if (!trackOf.has(key)) trackOf.set(key, track);
      const kept = isKasperskyDevice(device) && !migrates(device);
      const kaspersky = isKasperskyDevice(device) && !kept;
      state[track] = kaspersky ? KASPERSKY : kept ? KEPT : CLEAN;
      // Named as last seen; in the wave it was in when last seen with Kaspersky.
      const wave = kaspersky ? waveOf(device) : refs[track]!.wave;
      refs[track] = { hostname: device.hostname, businessUnit: device.businessUnit, wave, replacements: device.replacements ?? [] };
      if (kaspersky && wave !== null) byWave[waveIds.indexOf(wave)]!++;
    }
    state = state.subarray(0, tracks);
    states[i] = state;
    if (lastSeen.length < tracks) {
      const grown = new Uint8Array(Math.max(tracks, lastSeen.length * 2));
      grown.set(lastSeen);
      lastSeen = grown;
    }
    // Each device as last seen before this snapshot: what it is compared with.
    const known = lastSeen.slice(0, tracks);
    let kasperskyDevices = 0;
    let unseen = 0;
    let keptDevices = 0;
    let seen = 0;
    for (let t = 0; t < tracks; t++) {
      if (state[t] !== ABSENT) {
        seen++;
        lastSeen[t] = state[t]!;
      } else if (lastSeen[t] === KASPERSKY) {
        unseen++;
        const wave = refs[t]!.wave;
        if (wave !== null) byWave[waveIds.indexOf(wave)]!++;
      }
      if (state[t] === KASPERSKY) kasperskyDevices++;
      if (state[t] === KEPT) keptDevices++;
    }
    kasperskyDevices += unseen;
    if (i === 0) baseline.push(...(baselineByWave ? waveIds.map((id) => baselineByWave.get(id) ?? 0) : byWave));
    const progress: SnapshotProgress = {
      date: snapshot.date,
      label: snapshot.label,
      kasperskyDevices,
      unseen,
      kept: keptDevices,
      devices: seen,
      migrated: [],
      migratedWithReplacement: 0,
      cameBack: [],
      new: [],
      missing: [],
      byWave: waveIds.map((id, w) => ({ id, label: waveLabels[w]!, baseline: baseline[w]!, remaining: byWave[w]!, done: baseline[w]! === 0 ? (byWave[w]! === 0 ? 1 : 0) : 1 - byWave[w]! / baseline[w]! })),
    };
    if (i === 0) return progress;
    const before = states[i - 1]!;
    for (let t = 0; t < tracks; t++) {
      const now = state[t];
      const then = known[t];
      // Against the device as last seen (a missing device is carried as it was): so the count
      // before, less migrated, plus came back and new, is the count now.
      if (then === KASPERSKY && now === CLEAN) progress.migrated.push(refs[t]!);
      else if (now === ABSENT && t < before.length && before[t] === KASPERSKY) progress.missing.push(refs[t]!);
      else if (now === KASPERSKY && then !== KASPERSKY) {
        let everKaspersky = false;
        for (let j = 0; j < i && !everKaspersky; j++) everKaspersky = t < states[j]!.length && states[j]![t] === KASPERSKY;
        if (!everKaspersky) progress.new.push(refs[t]!);
        else if (then === CLEAN) progress.cameBack.push(refs[t]!);
      }
    }
    progress.migratedWithReplacement = progress.migrated.filter((d) => d.replacements.length > 0).length;
    const byName = (a: DeviceRef, b: DeviceRef) => a.hostname.localeCompare(b.hostname);
    for (const list of [progress.migrated, progress.cameBack, progress.new, progress.missing]) list.sort(byName);
    return progress;
  });
}

/** Devices migrated with no replacement seen where the exports would show one: to check they are protected. */
export const withoutReplacement = (s: Pick<SnapshotProgress, "migrated">): DeviceRef[] => s.migrated.filter((d) => d.replacements.length === 0);
