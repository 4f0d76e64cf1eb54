/** `offramp timeline`: which regulatory events apply to an organisation, and what each means for it. */
import { parseArgs } from "node:util";
import { lawfulUnder } from "../src/lib/regulation/continued-use.js";
import { deadlinesOf } from "../src/lib/regulation/deadlines.js";
import { obligationsFor, type ApplicableObligation } from "../src/lib/regulation/obligations.js";
import { loadPresets, loadTimeline, resolveProfile } from "../loaders/data/regulation.js";
import { UsageError, type Command } from "./command.js";

const CLASS_ORDER = ["legal-prohibition", "contractual", "technical", "advisory", "context"] as const;
const CLASS_LABEL: Record<ApplicableObligation["class"], string> = {
  "legal-prohibition": "Legal prohibitions",
  contractual: "Contractual obligations",
  technical: "Technical (the vendor's service stopped)",
  advisory: "Advice",
  context: "Context",
};

/** " (from 04:00 UTC)" for a deadline that takes effect at a time of day; nothing for one at 00:00 UTC. */
const atTime = (instant: string | undefined) => (instant && !instant.endsWith("T00:00:00.000Z") ? ` (from ${instant.slice(11, 16)} UTC)` : "");

export const timeline: Command = {
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { profile: { type: "string", default: "sample-organisation" }, programme: { type: "string", default: "kaspersky" }, context: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    });
    let profile;
    try {
      profile = await resolveProfile(values.profile);
    } catch (error) {
      if (/cannot be read \(ENOENT\)/.test((error as Error).message)) {
        const presets = (await loadPresets()).map((p) => p.id);
        throw new UsageError(`--profile: "${values.profile}" is neither a preset (${presets.join(", ")}) nor a readable file`);
      }
      throw error;
    }
    const events = await loadTimeline(values.programme);
    const obligations = obligationsFor(events, profile);
    const deadlines = deadlinesOf(obligations);
    const continuedUseIsLawful = lawfulUnder(obligations);
    if (values.json) {
      io.out(JSON.stringify({ programme: events.programme, profile, continuedUseIsLawful, obligations, deadlines, nuances: events.nuances ?? [] }, null, 2));
      return 0;
    }
    const lines = [`${events.programme} timeline for ${profile.name}: ${new Set(obligations.map((o) => o.eventId)).size} of ${events.events.length} events apply`];
    for (const cls of CLASS_ORDER) {
      if (cls === "context" && !values.context) continue;
      const rows = obligations.filter((o) => o.class === cls);
      if (rows.length === 0) continue;
      lines.push("", `${CLASS_LABEL[cls]} (${rows.length})`);
      for (const o of rows) lines.push(`  ${o.date.padEnd(10)}  ${o.jurisdiction.padEnd(4)} ${o.effect}`, `              ${o.citation} · ${o.sources[0]!.url}`);
    }
    if (!values.context) lines.push("", `(${obligations.filter((o) => o.class === "context").length} context events hidden; --context shows them)`);
    lines.push(
      "",
      continuedUseIsLawful
        ? "Continued use of the Kaspersky products already installed: lawful (no legal or contractual obligation requires removing them), but see the technical and advisory rows."
        : "Continued use of the Kaspersky products already installed: not lawful (the deadlines below require removing them).",
    );
    lines.push("", "Deadlines for the migration plan:", ...(deadlines.length ? deadlines.map((d) => `  ${d.date}  ${d.kind.padEnd(11)} ${d.label}${atTime(d.instant)}`) : ["  none: no legal or contractual obligation requires removal by a date"]));
    io.out(lines.join("\n"));
    return 0;
  },
};
