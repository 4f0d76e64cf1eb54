/** `offramp scenario validate|diff`: check a scenario file, or say what changed between two. */
import { compareEvaluations, evaluateScenario } from "../src/lib/model/evaluate.js";
import { describeValue, diff } from "../src/lib/scenario/diff.js";
import { nextDeadline } from "../src/lib/scenario/compare.js";
import { readJson } from "../loaders/data/read.js";
import { parseScenario } from "../src/lib/scenario/parse.js";
import { loadScenario } from "../loaders/model/scenario.js";
import { UsageError, type Command } from "./command.js";

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

export const scenario: Command = {
  name: "scenario",
  summary: "validate a scenario file (any version), or diff two and show how the headline figures move",
  usage: "offramp scenario validate FILE | offramp scenario diff A B",
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
      const flag = rest.find((a) => a.startsWith("--"));
      if (flag) throw new UsageError(`diff takes two files and no options, got "${flag}" (trials and seed come from the first scenario)`);
      const files = rest;
      if (files.length !== 2) throw new UsageError("diff takes two files");
      const [a, b] = await Promise.all([loadScenario(files[0]!), loadScenario(files[1]!)]);
      for (const warning of [...a.warnings, ...b.warnings]) io.err(warning);
      const changes = diff(a.scenario, b.scenario);
      const lines = [`${changes.length} change${changes.length === 1 ? "" : "s"} from ${files[0]} to ${files[1]}:`];
      for (const c of changes) lines.push(`  ${c.path}: ${describeValue(c.before)} -> ${describeValue(c.after)}`);
      // Both on the first scenario's seed and trials, so every difference below is paired.
      const ea = evaluateScenario(a.scenario, a.context);
      const eb = evaluateScenario({ ...b.scenario, seed: a.scenario.seed, trials: a.scenario.trials }, b.context);
      const pair = compareEvaluations(eb, ea);
      const move = (label: string, x: number, y: number, d: { meanDifference: number; standardError: number; tie: boolean }) =>
        `  ${label.padEnd(44)} ${usd(x)} -> ${usd(y)}  (${d.meanDifference >= 0 ? "+" : "−"}${usd(Math.abs(d.meanDifference))} ± ${usd(d.standardError)}${d.tie ? ", within Monte Carlo error: no real change" : ""})`;
      const da = nextDeadline(ea);
      const db = nextDeadline(eb);
      lines.push(
        "",
        `Headline figures (${ea.trials.toLocaleString("en-US")} trials, seed ${ea.seed}, paired):`,
        move("expected loss, coming year, with the plan", ea.lossWithPlan.mean, eb.lossWithPlan.mean, pair.loss),
        move("cost over the horizon (mean)", ea.cost.mean, eb.cost.mean, pair.cost),
        move("cost plus expected loss over the horizon", ea.horizonTotal.mean, eb.horizonTotal.mean, pair.total),
        `  ${"Kaspersky gone (median)".padEnd(44)} ${ea.completion?.p50 ?? "not planned"} -> ${eb.completion?.p50 ?? "not planned"}`,
        ...(da && db ? [`  ${`P(${db.deadline.label})`.padEnd(44)} ${(da.probability * 100).toFixed(1)}% -> ${(db.probability * 100).toFixed(1)}%`] : []),
      );
      io.out(lines.join("\n"));
      return 0;
    }
    throw new UsageError(verb ? `unknown scenario command "${verb}"` : "say validate or diff");
  },
};

