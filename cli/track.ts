/** `offramp track`: dated inventory snapshots against the scenario's plan, and a re-forecast from the latest. */
import { parseArgs } from "node:util";
import { loadScenario } from "../loaders/model/scenario.js";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir } from "../loaders/data/paths.js";
import { hintsFrom, readSnapshots, trackLoaded } from "../loaders/progress/snapshots.js";
import { reportSnapshots, snapshotSpecs } from "./snapshots.js";
import type { ProgressReport } from "../src/lib/progress/report.js";
import { withoutReplacement, type DeviceRef } from "../src/lib/progress/diff.js";
import { capacityText, deadlineForecastText } from "../src/lib/progress/reforecast.js";
import { UsageError, type Command } from "./command.js";
import { progressReporter } from "./ingest.js";

export const track: Command = {
  async run(args, io) {
    const { values } = parseArgs({ args, options: { scenario: { type: "string" }, snapshot: { type: "string", multiple: true }, json: { type: "boolean", default: false }, lists: { type: "boolean", default: false } } });
    if (!values.scenario) throw new UsageError("--scenario FILE is required (data/scenarios/sample-organisation.json is an example)");
    if (!values.snapshot?.length) throw new UsageError("name at least one --snapshot DATE=PATH (a file or a folder of exports taken that day)");
    const specs = snapshotSpecs(values.snapshot);
    const loaded = await loadScenario(values.scenario);
    for (const warning of loaded.warnings) io.err(warning);
    if (!loaded.scenario.plan) throw new UsageError(`${values.scenario} has no migration plan to track against`);
    const facts = await loadFacts(loaded.scenario.programme, dataDir(io.env));
    const progress = progressReporter(io);
    const read = await readSnapshots(specs, facts.compiled, { hints: hintsFrom(loaded.scenario.inventory), onProgress: progress.update });
    progress.done();
    const stop = reportSnapshots(read, loaded.scenario.asOf, io, "track");
    if (stop !== null) return stop;
    const snapshots = read.snapshots;
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
      unseen: s.unseen,
      kept: s.kept,
      devices: s.devices,
      migrated: names(s.migrated),
      migratedWithReplacement: s.migratedWithReplacement,
      migratedWithoutReplacement: names(withoutReplacement(s)),
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
    lines.push(`${s.date}: ${n(s.kasperskyDevices)} Kaspersky devices${s.unseen ? ` (${n(s.unseen)} of them not seen, counted as last seen)` : ""}${s.kept ? `, and ${n(s.kept)} the option keeps on it` : ""}; ${n(s.devices)} devices seen; ${s.standingText ?? "no plan to compare with"}`);
    lines.push(`  since the snapshot before: ${n(s.migrated.length)} migrated (${n(s.migratedWithReplacement)} with a replacement seen), ${n(s.cameBack.length)} came back, ${n(s.new.length)} new with Kaspersky, ${n(s.missing.length)} missing (not seen: still counted, as last seen)`);
    if (lists) for (const [label, list] of [["migrated, no replacement seen", withoutReplacement(s)], ["came back", s.cameBack], ["new", s.new], ["missing", s.missing]] as const) if (list.length) lines.push(`    ${label}: ${list.map((d) => d.hostname).join(", ")}`);
  }
  const latest = report.snapshots[report.snapshots.length - 1];
  if (latest?.byWave.length) {
    lines.push("", `Waves on ${latest.date} (against the plan's devices at its start):`);
    for (const w of latest.byWave) if (w.baseline > 0 || w.remaining > 0) lines.push(`  ${w.label.padEnd(28)} ${n(w.remaining).padStart(6)} of ${n(w.baseline).padStart(6)} left  ${(w.done * 100).toFixed(0).padStart(4)}% done`);
  }
  const f = report.forecast;
  if (f) {
    lines.push(
      "",
      `Re-forecast from ${f.from} (${f.trials.toLocaleString("en-US")} trials, seed ${f.seed}): ${n(f.devicesLeft)} devices left`,
      `  capacity: ${capacityText(f)}`,
      `  all devices off Kaspersky: median ${f.completion.p50 ?? "never (within ten years)"}, P80 ${f.completion.p80 ?? "never (within ten years)"}`,
    );
    for (const d of f.deadlines) lines.push(`  ${d.date}  ${d.label}: ${deadlineForecastText(d)}`);
    if (f.capacityFor80) lines.push(`  for an 80% chance of ${f.capacityFor80.label} (${f.capacityFor80.deadline}): ${f.capacityFor80.capacityPerWeek === null ? "no capacity is enough (the fixed phases alone run past it)" : `${n(f.capacityFor80.capacityPerWeek)} devices a week at full speed`}`);
  }
  return lines.join("\n");
}
