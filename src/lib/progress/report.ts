/**
 * Progress against the plan, as the Progress page, `offramp track` and the memo show it: each
 * snapshot's changes and standing in the plan's band, and the re-forecast from the latest.
 */
import type { TimelineReport } from "../model/timeline-report.js";
import type { Deadline, MigrationPlan, ReplacementOption, Scenario } from "../schema/index.js";
import { keeps } from "../model/cost-plan.js";
import type { FleetRow } from "../model/fleet.js";
import { bandAt, standing, standingText, type BandPoint, type Standing } from "./band.js";
import { trackSnapshots, type SnapshotProgress } from "./diff.js";
import { reforecast, type Reforecast } from "./reforecast.js";
import { baselineSnapshot, type Snapshot } from "./snapshot.js";

export interface SnapshotStanding extends SnapshotProgress {
  /** The plan's band on the snapshot's date, and where the count stands in it (null without a plan). */
  band: BandPoint | null;
  standing: Standing | null;
  standingText: string | null;
}

export interface ProgressReport {
  snapshots: SnapshotStanding[];
  forecast: Reforecast | null;
  /** Snapshots given but not tracked, and why (dated on or before the scenario's inventory). */
  leftOut: { date: string; label: string; reason: string }[];
}

export interface ProgressRequest {
  snapshots: readonly Snapshot[];
  /** The scenario's plan and its simulated schedule (the one evaluation's timeline), or null without a plan. */
  plan: MigrationPlan | null;
  timeline: TimelineReport | null;
  deadlines: readonly Deadline[];
  trials: number;
  seed: number;
  /** Whether the scenario's option migrates a device (else it keeps it on Kaspersky, outside the plan). */
  migrates?: (row: FleetRow) => boolean;
}

export function progressReport(request: ProgressRequest): ProgressReport {
  const { plan, timeline } = request;
  const baseline = timeline ? new Map(timeline.waves.map((w) => [w.id, w.devices])) : undefined;
  const snapshots = trackSnapshots(request.snapshots, plan, baseline, request.migrates).map((s): SnapshotStanding => {
    const band = timeline ? bandAt(timeline, s.date) : null;
    return { ...s, band, standing: band ? standing(s.kasperskyDevices, band) : null, standingText: band ? standingText(s.kasperskyDevices, band) : null };
  });
  const latest = snapshots[snapshots.length - 1];
  const forecast =
    plan && timeline && latest
      ? reforecast({
          plan,
          waves: latest.byWave.map((w) => ({ id: w.id, label: w.label, baseline: w.baseline, remaining: w.remaining })),
          migrated: snapshots.reduce((sum, s) => sum + s.migrated.length, 0),
          history: snapshots.map((s) => ({ date: s.date, remaining: s.kasperskyDevices })),
          from: latest.date,
          deadlines: request.deadlines,
          trials: request.trials,
          seed: request.seed,
        })
      : null;
  return { snapshots, forecast, leftOut: [] };
}

/** Why a snapshot is not tracked (dated on or before the scenario's inventory, which is the first), or null. */
export function leftOutReason(snapshot: Pick<Snapshot, "date">, asOf: string): string | null {
  return snapshot.date <= asOf ? `is dated on or before the scenario's own inventory (${asOf}), which the plan starts from, so it was left out` : null;
}

/**
 * A scenario's plan against snapshots, from its one evaluation's timeline: the scenario's own
 * inventory (`rows`, as of its date) is the first snapshot; snapshots dated on or before it are
 * left out and listed. Devices the option keeps on Kaspersky are counted apart (the plan does
 * not migrate them). What `offramp track`, the memo and the Progress page's worker all call.
 */
export function trackScenario(scenario: Pick<Scenario, "asOf" | "plan" | "trials" | "seed" | "option">, options: readonly ReplacementOption[], rows: readonly FleetRow[], timeline: TimelineReport | null, snapshots: readonly Snapshot[]): ProgressReport {
  const option = options.find((o) => o.id === scenario.option);
  const leftOut = snapshots.flatMap((s) => {
    const reason = leftOutReason(s, scenario.asOf);
    return reason ? [{ date: s.date, label: s.label, reason }] : [];
  });
  const report = progressReport({
    snapshots: [baselineSnapshot(scenario.asOf, rows), ...snapshots.filter((s) => leftOutReason(s, scenario.asOf) === null)],
    plan: scenario.plan ?? null,
    timeline,
    deadlines: timeline?.deadlines.map((d) => d.deadline) ?? [],
    trials: scenario.trials,
    seed: scenario.seed,
    migrates: option ? (row) => !keeps(option, row) : undefined,
  });
  return { ...report, leftOut };
}
