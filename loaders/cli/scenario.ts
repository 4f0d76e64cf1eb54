/** `offramp scenario validate|diff`: check a scenario file, or say what changed between two. */
import { evaluateScenario } from "../../src/lib/model/evaluate.js";
import { diff } from "../../src/lib/scenario/diff.js";
import { nextDeadline } from "../../src/lib/scenario/compare.js";
import { readJson } from "../data/read.js";
import { parseScenario } from "../../src/lib/scenario/parse.js";
import { loadScenario } from "../model/scenario.js";
import { UsageError, type Command } from "./command.js";

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

export const scenario: Command = {
  name: "scenario",
  summary: "validate a scenario file (any version), or diff two and show how the headline figures move",
  usage: "offramp scenario validate FILE | offramp scenario diff A B [--trials N]",
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === "validate") {
      const [file] = rest;
      if (!file || rest.length !== 1) throw new UsageError("validate takes one file");
      const raw = await readJson(file);
      const parsed = parseScenario(raw, file);
      const from = (raw as { schemaVersion?: number }).schemaVersion;
      io.out(`${file}: valid scenario "${parsed.name}" (version ${parsed.schemaVersion}${from !== parsed.schemaVersion ? `, migrated from version ${from}` : ""}); ${parsed.assumptions.length} assumption overrides, option ${parsed.option}${parsed.plan ? ", with a migration plan" : ""}`);
      return 0;
    }
    if (verb === "diff") {
      const files = rest.filter((a) => !a.startsWith("--"));
      const trialsFlag = rest.indexOf("--trials");
      const trials = trialsFlag >= 0 ? Number(rest[trialsFlag + 1]) : 5_000;
      if (files.length < 2 || !Number.isInteger(trials) || trials < 100) throw new UsageError("diff takes two files (and --trials N of at least 100)");
      const [a, b] = await Promise.all([loadScenario(files[0]!), loadScenario(files[1]!)]);
      const changes = diff(a.scenario, b.scenario);
      const lines = [`${changes.length} change${changes.length === 1 ? "" : "s"} from ${files[0]} to ${files[1]}:`];
      for (const c of changes) lines.push(`  ${c.path}: ${JSON.stringify(c.before) ?? "(absent)"} -> ${JSON.stringify(c.after) ?? "(absent)"}`);
      const split = { loss: trials, cost: Math.min(trials, 5_000), timeline: Math.min(trials, 5_000) };
      const [ea, eb] = [a, b].map((l) => evaluateScenario(l.scenario, l.context, split));
      const da = nextDeadline(ea!);
      const db = nextDeadline(eb!);
      lines.push(
        "",
        "Headline figures:",
        `  expected loss, coming year   ${usd(ea!.loss.mean)} -> ${usd(eb!.loss.mean)}`,
        `  cost P50 over the horizon    ${usd(ea!.cost.p[50])} -> ${usd(eb!.cost.p[50])}`,
        `  Kaspersky gone (median)      ${ea!.completion ?? "not planned"} -> ${eb!.completion ?? "not planned"}`,
        ...(da && db ? [`  P(${db.deadline.label})  ${(da.probability * 100).toFixed(1)}% -> ${(db.probability * 100).toFixed(1)}%`] : []),
      );
      io.out(lines.join("\n"));
      return 0;
    }
    throw new UsageError(verb ? `unknown scenario command "${verb}"` : "say validate or diff");
  },
};
