/**
 * Runs the second hostile corpus (round-two-corpus.ts): each command-line case as its own
 * `offramp` process, timed and with its peak memory taken from the process itself
 * (OFFRAMP_STATS=1), each export case as a call. Every case must end with its expected exit
 * code (0 or 2), a clear message and no stack trace, in under 30 s and 1.5 GB, with no raw
 * control character on the terminal, rows = accepted + rejected for every file an ingest read,
 * and no text from the file outside the data in any output.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { roundTwoCorpus, type CliCase, type Outcome, type Outside } from "./round-two-corpus.js";

const LIMIT_SECONDS = 30;
const LIMIT_MB = 1536;

const base = mkdtempSync(join(tmpdir(), "offramp-hostile-corpus-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const outside: Outside = (() => {
  const dir = mkdtempSync(join(tmpdir(), "offramp-outside-"));
  const canary = `CANARY${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
  const file = join(dir, "secret.csv");
  writeFileSync(file, `Hostname,Business Unit,Software\n${canary}-host,${canary}-unit,Kaspersky Endpoint Security for Windows\n`);
  return { dir, file, canary };
})();
afterAll(() => rmSync(outside.dir, { recursive: true, force: true }));

const cases = roundTwoCorpus();

/** Each process case's wall time and peak memory, written to .ci-out/ for the record. */
const measured: { id: string; class: string; exit: number; seconds: number; peakRssMb: number }[] = [];
afterAll(() => {
  if (measured.length === 0) return;
  mkdirSync(".ci-out", { recursive: true });
  const worst = (k: "seconds" | "peakRssMb") => measured.reduce((a, b) => (b[k] > a[k] ? b : a));
  writeFileSync(".ci-out/hostile-corpus.json", `${JSON.stringify({ cases: measured.length, slowest: worst("seconds"), largest: worst("peakRssMb"), measured }, null, 2)}\n`);
});

/** Runs `offramp` with the case's arguments; stops it at the time limit. */
function run(args: string[]): Promise<{ exit: number | null; signal: string | null; stdout: string; stderr: string; seconds: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(process.cwd(), "cli/offramp.js"), ...args], { cwd: process.cwd(), env: { ...process.env, OFFRAMP_STATS: "1", OFFRAMP_DEBUG: "", NODE_OPTIONS: "" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), (LIMIT_SECONDS + 5) * 1000);
    child.on("close", (exit, signal) => {
      clearTimeout(timer);
      resolve({ exit, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Files the run wrote in the case's folder (small text ones, for checks; larger ones by name only). */
function written(dir: string, before: Set<string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (before.has(name)) continue;
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isFile()) files.set(name, info.size < 50_000_000 ? readFileSync(path, "latin1") : "");
  }
  return files;
}

const counts = new Map<string, number>();
for (const c of cases) counts.set(c.class, (counts.get(c.class) ?? 0) + 1);

describe(`the second hostile corpus: ${cases.length} cases (${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")})`, () => {
  it("has at least 60 cases across ingest, scenario, share link, memo and export, each with its own id", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect([...counts.keys()].sort()).toEqual(["export", "ingest", "memo", "scenario", "share link"]);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.class} · ${c.id}: ${c.what}`, async () => {
      let outcome: Outcome;
      if (c.kind === "call") {
        const started = performance.now();
        const stdout = c.run();
        outcome = { exit: 0, stdout, stderr: "", files: new Map() };
        expect((performance.now() - started) / 1000).toBeLessThan(LIMIT_SECONDS);
      } else {
        const dir = join(base, c.id);
        mkdirSync(dir);
        const args = (c as CliCase).setup(dir, outside);
        const before = new Set(readdirSync(dir));
        const result = await run(args);
        // Ended by itself, with the exit code it should have (never 1: an unexpected error).
        expect(result.signal, `killed after ${result.seconds.toFixed(1)} s`).toBeNull();
        const stats = /stats: (\{.*\})/.exec(result.stderr);
        expect(stats, `no stats line: the process did not end through offramp's own exit (${result.stderr.slice(-500)})`).not.toBeNull();
        const { peakRssMb } = JSON.parse(stats![1]!) as { peakRssMb: number };
        expect(result.seconds, "wall time (s)").toBeLessThan(LIMIT_SECONDS);
        expect(peakRssMb, "peak memory (MB)").toBeLessThan(LIMIT_MB);
        measured.push({ id: c.id, class: c.class, exit: result.exit ?? -1, seconds: Math.round(result.seconds * 100) / 100, peakRssMb: Math.round(peakRssMb) });
        outcome = { exit: result.exit ?? -1, stdout: result.stdout, stderr: result.stderr.replace(/^stats: .*$/m, "").trim(), files: written(dir, before) };
        expect(outcome.exit, `exit code; stderr: ${outcome.stderr.slice(0, 800)}`).toBe(c.exit);
        // A clear message, never a stack trace or a raw control character.
        expect(outcome.stderr).not.toMatch(/\n\s+at .+[:(]\d+/);
        expect(outcome.stderr).not.toMatch(/^(TypeError|RangeError|SyntaxError|Error):/m);
        expect(outcome.stdout + outcome.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        // A refusal says why: on stderr, or in the JSON document's "fatal" for each file an ingest could not read.
        if (c.exit === 2) {
          const json = args.includes("--json") && outcome.stdout.trim().startsWith("{") ? (JSON.parse(outcome.stdout) as { sources?: { fatal: string | null }[] }) : null;
          if (json?.sources) for (const s of json.sources) expect(s.fatal?.length ?? 0, "the reason a file was not read").toBeGreaterThan(10);
          else expect((outcome.stdout + outcome.stderr).length, "a refusal says why").toBeGreaterThan(20);
        }
        // An ingest that read files lost no row.
        if (args[0] === "ingest" && args.includes("--json") && outcome.stdout.trim().startsWith("{")) {
          for (const s of JSON.parse(outcome.stdout).sources as { file: string; rows: number; accepted: number; rejected: number }[]) expect(s.rows, s.file).toBe(s.accepted + s.rejected);
        }
      }
      const everything = [outcome.stdout, outcome.stderr, ...outcome.files.values()].join("\n");
      expect(everything.includes(outside.canary), "text from the file outside the data").toBe(false);
      if (c.says) expect(everything).toMatch(c.says);
      c.check?.(outcome);
    }, (LIMIT_SECONDS + 15) * 1000);
  }
});
