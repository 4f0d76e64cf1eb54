import type { MigrationPlan, Wave } from "../schema/index.js";
import { daysBetween } from "../util/dates.js";
import type { FleetRow } from "./fleet.js";
import { matches } from "./cost-plan.js";
import { frozenStatus, isKasperskyDevice, type FrozenRule } from "./frozen.js";

/** The Kaspersky devices of one wave. */
export interface WaveDevices {
  id: string;
  label: string;
  devices: number;
  frozen: number;
}

export function waveMatches(wave: Wave, row: FleetRow): boolean {
  const m = wave.match;
  return matches(m, row) && (!m.criticality || m.criticality.includes(row.criticality)) && (m.internetFacing === undefined || m.internetFacing === row.internetFacing);
}

const assigned = new WeakMap<readonly FleetRow[], Map<string, WaveDevices[]>>();

/**
 * Assigns each device running Kaspersky to the first wave that matches it; the rest form a
 * last wave. Remembered per fleet and wave list: a page re-runs the simulation as sliders
 * move, with the same fleet.
 */
export function wavesFor(plan: MigrationPlan, rows: readonly FleetRow[], updatesStopped: string, rule: FrozenRule): WaveDevices[] {
  const key = `${updatesStopped}|${rule.assumeFrozen}|${JSON.stringify(plan.waves)}`;
  const byPlan = assigned.get(rows) ?? new Map<string, WaveDevices[]>();
  assigned.set(rows, byPlan);
  let waves = byPlan.get(key);
  if (!waves) byPlan.set(key, (waves = assignWaves(plan, rows, updatesStopped, rule)));
  return waves.map((w) => ({ ...w }));
}

/** Every field a wave's rule can name: devices alike in all of them land in the same wave. */
export const waveKind = (row: FleetRow) => `${row.deviceType}|${row.osFamily}|${row.businessUnit}|${row.site}|${row.country}|${row.criticality}|${row.internetFacing}`;

/** The wave (index into the plan's waves, or `plan.waves.length` for the rest) of a Kaspersky device; -1 for others. */
export function waveIndexOf(plan: MigrationPlan, row: FleetRow): number {
  if (!isKasperskyDevice(row)) return -1;
  const index = plan.waves.findIndex((w) => waveMatches(w, row));
  return index < 0 ? plan.waves.length : index;
}

function assignWaves(plan: MigrationPlan, rows: readonly FleetRow[], updatesStopped: string, rule: FrozenRule): WaveDevices[] {
  const waves = plan.waves.map((w) => ({ id: w.id, label: w.label, devices: 0, frozen: 0 }));
  const rest = { id: "unassigned", label: "Devices no wave names", devices: 0, frozen: 0 };
  // Devices alike in every field a wave can name land in the same wave: match each kind once.
  const memo = new Map<string, number>();
  for (const row of rows) {
    if (!isKasperskyDevice(row)) continue;
    const kind = waveKind(row);
    let index = memo.get(kind);
    if (index === undefined) memo.set(kind, (index = plan.waves.findIndex((w) => waveMatches(w, row))));
    const wave = index < 0 ? rest : waves[index]!;
    wave.devices++;
    if (frozenStatus(row, updatesStopped, rule).frozen) wave.frozen++;
  }
  return rest.devices > 0 ? [...waves, rest] : waves;
}

/** One trial's values of the plan's uncertain quantities (durations already in days, before slippage). */
export interface ScheduleValues {
  procurementDays: number;
  preparationDays: number;
  pilotDays: number;
  capacityPerWeek: number;
  stragglerShare: number;
  stragglerDays: number;
  decommissionDays: number;
  slippage: number;
}

export interface PhaseSpan {
  id: string;
  label: string;
  /** Days from the plan's start. */
  start: number;
  end: number;
}

export interface Schedule {
  phases: PhaseSpan[];
  /** Day each wave's devices (bar its stragglers) are done. */
  waveEnds: number[];
  /** Day the last device is off Kaspersky. */
  allMigrated: number;
  /** Day the management server is decommissioned: the project's end. */
  done: number;
  /** Devices still on Kaspersky at the end of each week from the start. */
  remainingByWeek: Float64Array;
  /** Frozen devices × days on Kaspersky from the start until each is migrated. */
  frozenDeviceDays: number;
}

/** Freeze windows as [from, to) day offsets from the plan's start (a freeze's last day included). */
export function freezeDays(plan: MigrationPlan): [number, number][] {
  return plan.freezes.map((f) => [daysBetween(plan.start, f.from), daysBetween(plan.start, f.to) + 1]);
}

/** Share of the days [a, b) that are free of freezes. */
function workingShare(a: number, b: number, freezes: readonly [number, number][]): number {
  let frozen = 0;
  for (const [from, to] of freezes) frozen += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return Math.max(0, 1 - frozen / (b - a));
}

/** Give up on a trial that has not finished in ten years: its completion is reported as never. */
export const MAX_WEEKS = 520;

/** Scratch arrays a simulation reuses across trials instead of allocating per trial. */
export interface Workspace {
  days: Float64Array;
  migrated: Float64Array;
  /** Points on the migrated-so-far curve of the last schedule. */
  points: number;
}
export const workspace = (): Workspace => ({ days: new Float64Array(MAX_WEEKS + 8), migrated: new Float64Array(MAX_WEEKS + 8), points: 0 });

/**
 * One deterministic schedule: procurement, preparation and the pilot in sequence (the pilot
 * migrates `pilotDevices` from the first waves); then the waves in order at the team's weekly
 * capacity (half speed at first, full after `learningWeeks`; nothing during freezes); the
 * stragglers each wave leaves are migrated in the stragglers phase; then the management
 * server is decommissioned. Every duration is stretched by the trial's slippage, the waves
 * included: slippage s divides the team's weekly capacity by s. The
 * simulation calls this per draw, so point estimates reproduce it exactly.
 */
export function schedule(
  waves: readonly WaveDevices[],
  values: ScheduleValues,
  options: {
    pilotDevices: number;
    learningWeeks: number;
    /** Weeks of the learning curve already behind the team (a re-forecast from part way through). */
    learnedWeeks?: number;
    freezes: readonly [number, number][];
    horizonWeeks: number;
    workspace?: Workspace;
  },
): Schedule {
  const ws = options.workspace ?? workspace();
  const s = values.slippage;
  const procurementEnd = values.procurementDays * s;
  const preparationEnd = procurementEnd + values.preparationDays * s;
  const pilotEnd = preparationEnd + values.pilotDays * s;
  const total = waves.reduce((sum, w) => sum + w.devices, 0);
  const frozenShare = total === 0 ? 0 : waves.reduce((sum, w) => sum + w.frozen, 0) / total;
  // What each wave leaves for the waves' flow: its devices, less stragglers, less the pilot's.
  const flow = waves.map((w) => w.devices * (1 - values.stragglerShare));
  let pilot = Math.min(options.pilotDevices, flow.reduce((a, b) => a + b, 0));
  const pilotDevices = pilot;
  for (let i = 0; i < flow.length && pilot > 0; i++) {
    const take = Math.min(flow[i]!, pilot);
    flow[i]! -= take;
    pilot -= take;
  }
  // Migrated-so-far as a piecewise-linear curve of (day, devices), in the workspace's arrays.
  const cd = ws.days;
  const cm = ws.migrated;
  let points = 0;
  const push = (d: number, m: number) => {
    cd[points] = d;
    cm[points++] = m;
  };
  push(0, 0);
  push(preparationEnd, 0);
  push(pilotEnd, pilotDevices);
  // A wave ends when the flow has passed it (never, if it does not get there).
  const waveEnds = flow.map(() => Infinity);
  let migrated = pilotDevices;
  let day = pilotEnd;
  let wave = 0;
  while (wave < flow.length && flow[wave]! <= 1e-9) waveEnds[wave++] = pilotEnd;
  for (let week = 0; wave < flow.length; week++) {
    if (week >= MAX_WEEKS || values.capacityPerWeek <= 0) {
      day = Infinity;
      break;
    }
    const speed = options.learningWeeks > 0 ? Math.min(1, 0.5 + (0.5 * (week + (options.learnedWeeks ?? 0))) / options.learningWeeks) : 1;
    const share = workingShare(day, day + 7, options.freezes);
    let capacity = (values.capacityPerWeek / s) * speed * share;
    const available = capacity;
    while (wave < flow.length && capacity > 0) {
      const take = Math.min(flow[wave]!, capacity);
      flow[wave]! -= take;
      capacity -= take;
      if (flow[wave]! <= 1e-9) {
        waveEnds[wave] = day + 7 * ((available - capacity) / available);
        wave++;
        while (wave < flow.length && flow[wave]! <= 1e-9) waveEnds[wave++] = day + 7 * ((available - capacity) / available);
      }
    }
    const used = available - capacity;
    migrated += used;
    day += wave < flow.length ? 7 : 7 * (used / (available || 1));
    push(day, migrated);
  }
  const flowEnd = day;
  const allMigrated = flowEnd + values.stragglerDays * s;
  const done = allMigrated + values.decommissionDays * s;
  push(allMigrated, total);
  ws.points = points;
  const remainingByWeek = new Float64Array(options.horizonWeeks);
  let point = 0;
  for (let j = 0; j < options.horizonWeeks; j++) {
    const t = 7 * (j + 1);
    if (t >= allMigrated) continue; // all migrated: nothing remains
    while (point < points - 1 && cd[point + 1]! <= t) point++;
    const d0 = cd[point]!;
    const m0 = cm[point]!;
    const last = point === points - 1;
    const d1 = last ? d0 : cd[point + 1]!;
    const m = last || !Number.isFinite(d1) || d1 === d0 ? m0 : m0 + ((cm[point + 1]! - m0) * (t - d0)) / (d1 - d0);
    remainingByWeek[j] = total - m;
  }
  // Area under the remaining-devices curve, times the frozen share.
  let area = 0;
  for (let i = 1; i < points; i++) {
    const d0 = cd[i - 1]!;
    const m0 = cm[i - 1]!;
    const d1 = cd[i]!;
    const m1 = cm[i]!;
    if (!Number.isFinite(d1)) return { phases: phaseSpans(), waveEnds, allMigrated: Infinity, done: Infinity, remainingByWeek, frozenDeviceDays: Infinity };
    area += (d1 - d0) * (total - (m0 + m1) / 2);
  }
  return { phases: phaseSpans(), waveEnds, allMigrated, done, remainingByWeek, frozenDeviceDays: area * frozenShare };

  function phaseSpans(): PhaseSpan[] {
    return [
      { id: "procurement", label: "Procurement", start: 0, end: procurementEnd },
      { id: "preparation", label: "Preparation", start: procurementEnd, end: preparationEnd },
      { id: "pilot", label: "Pilot ring", start: preparationEnd, end: pilotEnd },
      { id: "waves", label: "Waves", start: pilotEnd, end: flowEnd },
      { id: "stragglers", label: "Stragglers", start: flowEnd, end: allMigrated },
      { id: "decommission", label: "Decommission the management server", start: allMigrated, end: done },
    ];
  }
}

/** Devices migrated by day `t` of the last schedule computed in `ws` (its migrated-so-far curve, linear between points). */
export function migratedAt(ws: Workspace, t: number): number {
  const { days, migrated, points } = ws;
  if (points === 0 || t <= days[0]!) return 0;
  let lo = 0;
  let hi = points - 1;
  if (t >= days[hi]!) return migrated[hi]!;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const d0 = days[lo]!;
  const d1 = days[hi]!;
  if (!Number.isFinite(d1) || d1 === d0) return migrated[lo]!;
  return migrated[lo]! + ((migrated[hi]! - migrated[lo]!) * (t - d0)) / (d1 - d0);
}

/**
 * Each wave's share of its devices still on Kaspersky at `sampleDays` (days from the plan's
 * start), written wave-major into `out` (`out[w * sampleDays.length + j]`). The pilot and the
 * waves migrate in wave order; each wave's stragglers wait for the stragglers phase, which
 * clears them all at the same pace.
 */
export function waveRemaining(ws: Workspace, waves: readonly WaveDevices[], stragglerShare: number, sampleDays: Float64Array, out: Float64Array): void {
  const total = waves.reduce((sum, w) => sum + w.devices, 0);
  const flowTotal = total * (1 - stragglerShare);
  const n = sampleDays.length;
  for (let j = 0; j < n; j++) {
    const m = migratedAt(ws, sampleDays[j]!);
    const flowDone = Math.min(m, flowTotal);
    const stragglersDone = total > flowTotal ? Math.max(0, Math.min(1, (m - flowTotal) / (total - flowTotal))) : 1;
    let before = 0;
    for (let w = 0; w < waves.length; w++) {
      const devices = waves[w]!.devices;
      const flow = devices * (1 - stragglerShare);
      const done = Math.max(0, Math.min(flow, flowDone - before)) + devices * stragglerShare * (flowDone >= flowTotal - 1e-9 ? stragglersDone : 0);
      out[w * n + j] = devices === 0 ? 0 : Math.max(0, 1 - done / devices);
      before += flow;
    }
  }
}
