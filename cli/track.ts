/** `offramp track`: dated inventory snapshots against the scenario's plan, and a re-forecast from the latest. */
import { parseArgs } from "node:util";
import { loadScenario } from "../loaders/model/scenario.js";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir } from "../loaders/data/paths.js";
import { parseSnapshotSpec, readSnapshot, SnapshotSpecError, trackLoaded } from "../loaders/progress/snapshots.js";
import { inventoryReport } from "../src/lib/ingest/inventory-report.js";
import type { ProgressReport } from "../src/lib/progress/report.js";
import type { DeviceRef } from "../src/lib/progress/diff.js";
import { UsageError, type Command } from "./command.js";
import { progressReporter } from "./ingest.js";

export const track: Command = {
  async run(args, io) {
    const { values } = parseArgs({ args, options: { scenario: { type: "string" }, snapshot: { type: "string", multiple: true }, json: { type: "boolean", default: false }, lists: { type: "boolean", default: false } } });
    if (!values.scenario) throw new UsageError("--scenario FILE is required (data/scenarios/sample-organisation.json is an example)");
    if (!values.snapshot?.length) throw new UsageError("name at least one --snapshot DATE=PATH (a file or a folder of exports taken that day)");
    let specs;
    try {
      specs = values.snapshot.map(parseSnapshotSpec);
    } catch (error) {
      if (error instanceof SnapshotSpecError) throw new UsageError(error.message);
      throw error;
    }
    const dates = specs.map((s) => s.date);
    const twice = dates.find((d, i) => dates.indexOf(d) !== i);
    if (twice) throw new UsageError(`--snapshot: two snapshots are dated ${twice}; give each date once`);
    const loaded = await loadScenario(values.scenario);
    for (const warning of loaded.warnings) io.err(warning);
    if (!loaded.scenario.plan) throw new UsageError(`${values.scenario} has no migration plan to track against`);
    const facts = await loadFacts(loaded.scenario.programme, dataDir(io.env));
    const progress = progressReporter(io);
    const snapshots = [];
    for (const spec of specs) {
      const snapshot = await readSnapshot(spec, facts.compiled, progress.update);
      // Which files each snapshot read, and which it could not: counts from part of an estate must say so.
      const report = inventoryReport(snapshot.sources);
      io.err(`snapshot ${spec.date}: ${report.read.length} file${report.read.length === 1 ? "" : "s"} read (${report.read.map((r) => `${r.file}: ${r.rows.toLocaleString("en-US")} rows, ${r.accepted.toLocaleString("en-US")} accepted, ${r.rejected.toLocaleString("en-US")} rejected`).join("; ") || "none"})`);
      for (const u of report.unreadable) io.err(`snapshot ${spec.date}: ${u.file} could not be read: ${u.reason}`);
      if (report.read.length === 0) {
        io.err(`offramp track: the snapshot dated ${spec.date} (${spec.path}) has no readable export`);
        return 2;
      }
      snapshots.push(snapshot);
    }
    progress.done();
    const report = trackLoaded(loaded, snapshots);
    io.out(values.json ? JSON.stringify(toJson(report), null, 2) : toText(report, values.lists));
    return 0;
  },
};

/** The JSON the issue names: snapshots, the plan's band at each, and the forecast. */
export function toJson(report: ProgressReport) {
  const names = (list: DeviceRef[]) => list.map((d) => d.hostname);
  return {
    snapshots: report.snapshots.map((s) => ({
      date: s.date,
      kasperskyDevices: s.kasperskyDevices,
      devices: s.devices,
      migrated: names(s.migrated),
      migratedWithReplacement: s.migratedWithReplacement,
      cameBack: names(s.cameBack),
      new: names(s.new),
      missing: names(s.missing),
      byWave: s.byWave,
      standing: s.standing,
    })),
    plan: { band: report.snapshots.map((s) => s.band) },
    forecast: report.forecast,
  };
}

function toText(report: ProgressReport, lists: boolean): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const lines: string[] = [];
  for (const s of report.snapshots) {
    lines.push(`${s.date}: ${n(s.kasperskyDevices)} Kaspersky devices of ${n(s.devices)} seen; ${s.standingText ?? "no plan to compare with"}`);
    lines.push(`  since the snapshot before: ${n(s.migrated.length)} migrated (${n(s.migratedWithReplacement)} with a replacement seen), ${n(s.cameBack.length)} came back, ${n(s.new.length)} new with Kaspersky, ${n(s.missing.length)} missing (not seen; not counted as migrated)`);
    if (lists) for (const [label, list] of [["came back", s.cameBack], ["new", s.new], ["missing", s.missing]] as const) if (list.length) lines.push(`    ${label}: ${list.map((d) => d.hostname).join(", ")}`);
  }
  const latest = report.snapshots[report.snapshots.length - 1];
  if (latest?.byWave.length) {
    lines.push("", `Waves on ${latest.date} (against the plan's devices at its start):`);
    for (const w of latest.byWave) if (w.baseline > 0 || w.remaining > 0) lines.push(`  ${w.label.padEnd(28)} ${n(w.remaining).padStart(6)} of ${n(w.baseline).padStart(6)} left  ${(w.done * 100).toFixed(0).padStart(4)}% done`);
  }
  const f = report.forecast;
  if (f) {
    const c = f.capacity;
    lines.push(
      "",
      `Re-forecast from ${f.from} (${f.trials.toLocaleString("en-US")} trials, seed ${f.seed}): ${n(f.devicesLeft)} devices left`,
      f.started
        ? `  capacity: ${n(c.migrated)} devices off Kaspersky over ${c.effectiveWeeks.toFixed(1)} effective weeks (${c.observedPerWeek === null ? "none" : n(c.observedPerWeek)} a week); the plan's ${n(c.priorMean)} a week updated to ${n(c.posteriorMean)}`
        : "  the plan's migration had not started by this snapshot: the whole plan is simulated again with the devices there are",
      `  all devices off Kaspersky: median ${f.completion.p50 ?? "never (within ten years)"}, P80 ${f.completion.p80 ?? "never (within ten years)"}`,
    );
    for (const d of f.deadlines) lines.push(`  ${d.date}  ${d.label}: ${d.passed ? (d.probability === 1 ? "passed, met" : "passed, missed") : `P(meet) ${(d.probability * 100).toFixed(1)}% ± ${(d.standardError * 100).toFixed(1)}%`}`);
    if (f.capacityFor80) lines.push(`  for an 80% chance of ${f.capacityFor80.label} (${f.capacityFor80.deadline}): ${f.capacityFor80.capacityPerWeek === null ? "no capacity is enough (the fixed phases alone run past it)" : `${n(f.capacityFor80.capacityPerWeek)} devices a week at full speed`}`);
  }
  return lines.join("\n");
}
