/** `offramp scenario validate|diff|from-link`: check a scenario file, say what changed between two, or open a share link as a file. */
import { readFile, stat, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { compareEvaluations, evaluateScenario } from "../src/lib/model/evaluate.js";
import { describeValue, diff } from "../src/lib/scenario/diff.js";
import { nextDeadline } from "../src/lib/scenario/compare.js";
import { readJson } from "../loaders/data/read.js";
import { inventoryReport } from "../src/lib/ingest/inventory-report.js";
import { parseScenario } from "../src/lib/scenario/parse.js";
import { contextOf, loadScenario } from "../loaders/model/scenario.js";
import { NoInventoryError } from "../loaders/data/organisation.js";
import { loadFacts } from "../loaders/data/facts.js";
import { dataDir } from "../loaders/data/paths.js";
import { wholeNumber } from "./args.js";
import { UsageError, type Command } from "./command.js";
import { decodeScenario } from "../src/lib/scenario/share.js";

/** A link in a file: refused unread when larger than any link (4 MB), read whole otherwise. */
async function readLinkFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`--file: ${path} is not a file that can be read`);
  if (info.size > 4_000_000) throw new Error(`${path} is ${info.size.toLocaleString("en-US")} bytes, more than any share link; it was not read`);
  return readFile(path, "utf8");
}

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

export const scenario: Command = {
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === "validate") {
      const [file] = rest;
      if (!file || rest.length !== 1) throw new UsageError("validate takes one file");
      const raw = await readJson(file);
      const parsed = parseScenario(raw, file);
      const from = (raw as { schemaVersion?: number }).schemaVersion;
      // Valid means it runs: every override within its bounds and the simulation within its budget,
      // so the evaluation runs once (its errors name the input and end in exit 2).
      let loaded: Awaited<ReturnType<typeof loadScenario>> | null = null;
      let notRead = "";
      try {
        loaded = await loadScenario(file);
      } catch (error) {
        if (!(error instanceof NoInventoryError)) throw error;
        notRead = `no inventory export could be read (${error.reasons})`;
      }
      for (const warning of loaded?.warnings ?? []) io.err(warning);
      // Without its inventory the scenario still runs on no devices: bounds and budgets are checked alike.
      const facts = loaded ? null : await loadFacts(parsed.programme, dataDir());
      const context = loaded ? loaded.context : contextOf(facts!, []);
      const unread = loaded ? inventoryReport(loaded.sources).unreadable : [];
      const started = performance.now();
      evaluateScenario(loaded ? loaded.scenario : parsed, context);
      const seconds = (performance.now() - started) / 1000;
      io.out(
        `${file}: valid scenario "${parsed.name}" (version ${parsed.schemaVersion}${from !== parsed.schemaVersion ? `, migrated from version ${from}` : ""}); ${parsed.assumptions.length} assumption overrides, option ${parsed.option}${parsed.plan ? ", with a migration plan" : ""}; ` +
          `runs: ${parsed.trials.toLocaleString("en-US")} trials in ${seconds.toFixed(1)} s` +
          (notRead ? ` on no devices (${notRead})` : unread.length ? ` (without ${unread.length} inventory file${unread.length === 1 ? "" : "s"} that could not be read: ${unread.map((u) => u.file).join(", ")})` : ""),
      );
      return 0;
    }
    if (verb === "diff") {
      const { values, positionals: files } = parseArgs({ args: rest, options: { trials: { type: "string" }, seed: { type: "string" } }, allowPositionals: true });
      if (files.length !== 2) throw new UsageError("diff takes two files");
      const trials = wholeNumber("trials", values.trials, 100, 1_000_000);
      const seed = wholeNumber("seed", values.seed, 0, 0xffffffff);
      const [a, b] = await Promise.all([loadScenario(files[0]!), loadScenario(files[1]!)]);
      for (const warning of [...a.warnings, ...b.warnings]) io.err(warning);
      const changes = diff(a.scenario, b.scenario);
      const lines = [`${changes.length} change${changes.length === 1 ? "" : "s"} from ${files[0]} to ${files[1]}:`];
      for (const c of changes) lines.push(`  ${c.path}: ${describeValue(c.before)} -> ${describeValue(c.after)}`);
      // Both on one seed and number of trials (the first scenario's unless given), so every difference below is paired.
      const runs = { seed: seed ?? a.scenario.seed, trials: trials ?? a.scenario.trials };
      const ea = evaluateScenario({ ...a.scenario, ...runs }, a.context);
      const eb = evaluateScenario({ ...b.scenario, ...runs }, b.context);
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
    if (verb === "from-link") {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { file: { type: "string" }, out: { type: "string" } } });
      if ((values.file ? 1 : 0) + positionals.length !== 1) throw new UsageError("from-link takes a link, or --file with a file holding one");
      // A link is read like a file: its size is checked before it is read whole.
      const text = values.file ? await readLinkFile(values.file) : positionals[0]!;
      const encoded = text.includes("#") ? (new URLSearchParams(text.slice(text.indexOf("#") + 1)).get("s") ?? "") : text.trim();
      if (!encoded) throw new UsageError("the link has no scenario (#s=…) in it");
      const opened = await decodeScenario(encoded);
      const json = `${JSON.stringify(opened, null, 2)}\n`;
      if (values.out) {
        await writeFile(values.out, json);
        io.err(`wrote ${values.out}: scenario "${opened.name}" (links never carry inventory references: add the exports with --inventory)`);
      } else io.out(json.trimEnd());
      return 0;
    }
    throw new UsageError(verb ? `unknown scenario command "${verb}"` : "say validate, diff or from-link");
  },
};

