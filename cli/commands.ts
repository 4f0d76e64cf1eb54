/**
 * The `offramp` subcommands: what `--help` lists, and how each is loaded. A command's module is
 * imported only when it runs, so `offramp --version` and `--help` start without loading any.
 */
import type { CommandInfo } from "./command.js";

export const COMMANDS: readonly CommandInfo[] = [
  {
    name: "ingest",
    summary: "read inventory exports and report devices and Kaspersky installs (--json for the full document)",
    usage: "offramp ingest [--format FORMAT] [--mapping FILE] [--device HOST] [--now ISO] [--catalog NAME] [--json] [--devices OUT.csv|OUT.json] FILE...",
    load: async () => (await import("./ingest.js")).ingest,
  },
  {
    name: "summary",
    summary: "headline figures for the organisation (devices, Kaspersky devices, days since updates stopped)",
    usage: "offramp summary [--as-of YYYY-MM-DD] [--unit BUSINESS_UNIT] [--data DIR] [--scenario FILE] [--json] [--allow-missing]",
    load: async () => (await import("./summary.js")).summary,
  },
  {
    name: "timeline",
    summary: "the regulatory events that apply to an organisation profile, and their obligations",
    usage: "offramp timeline [--profile PRESET|FILE] [--programme kaspersky] [--context] [--json]",
    load: async () => (await import("./timeline.js")).timeline,
  },
  {
    name: "model",
    summary: "every figure for a scenario from the one evaluation (exposure, loss with and without the plan, cost, deadlines, decision), with standard errors",
    usage: "offramp model --scenario FILE [--compare FILE ...] [--seed N] [--trials N] [--json] [--allow-missing]",
    load: async () => (await import("./model.js")).model,
  },
  {
    name: "scenario",
    summary: "validate a scenario file (any version), diff two and show how the headline figures move, or turn a share link into a file",
    usage: "offramp scenario validate FILE | offramp scenario diff A B [--trials N] [--seed N] | offramp scenario from-link URL|--file FILE [--out FILE]",
    load: async () => (await import("./scenario.js")).scenario,
  },
  {
    name: "query",
    summary: "the catalog's search as a query to run where the inventory lives (Kusto for Defender and Sentinel, SQL Server for MECM, osquery)",
    usage: "offramp query --target kql|mecm-sql|osquery [--catalog NAME] [--out FILE]",
    load: async () => (await import("./query.js")).query,
  },
  {
    name: "memo",
    summary: "the decision memo for a scenario, as Markdown, HTML, DOCX or PDF (same inputs and seed: same figures)",
    usage: "offramp memo --scenario FILE [--inventory FILE...] [--compare FILE...] --format md|html|docx|pdf --out PATH [--trials N] [--snapshot DATE=PATH ...] [--allow-missing]",
    load: async () => (await import("./memo.js")).memo,
  },
  {
    name: "track",
    summary: "track the migration: dated inventory snapshots against the plan's band, and a re-forecast of every deadline from the latest",
    usage: "offramp track --scenario FILE --snapshot DATE=PATH [--snapshot DATE=PATH ...] [--json] [--lists]",
    load: async () => (await import("./track.js")).track,
  },
  {
    name: "sample",
    summary: "write the sample organisation's exports and ground truth (deterministic for a seed)",
    usage: "offramp sample [--out DIR] [--seed N]",
    load: async () => (await import("./sample.js")).sample,
  },
];
