/**
 * The uncertainty engine against Squiggle (@quri/squiggle-lang) on one model, in the same run:
 * a year's loss is the sum of N independent losses, N ~ Poisson(0.5) incidents, each loss
 * lognormal with 90% interval $300k–$8M (Squiggle's `300k to 8M` is the same lognormal).
 *
 * Ours: `sampler`s for the count and the loss, drawn into a Float64Array; and, as the models now
 * draw (common random numbers), each trial's count and each loss by inversion of a uniform from
 * its own counter-based substream (`poissonQuantile`, `quantileFunction`, `uniformAt`), as the
 * loss model's realised year does. Squiggle: `run()` of a
 * short program with `sampleCount` set to the same number of trials, ending in the sample set of
 * annual losses. Squiggle's time includes parsing and compiling that program (timed on its own
 * with `parse`, about a millisecond) and wrapping the result; it excludes loading the library.
 */
import { defaultEnvironment, parse, run, SqSampleSetDistribution } from "@quri/squiggle-lang";
import { lognormalFrom90, mean, poisson } from "../src/lib/engine/distributions.js";
import { randomSource } from "../src/lib/engine/prng.js";
import { poissonQuantile, quantileFunction } from "../src/lib/engine/quantile.js";
import { sampler } from "../src/lib/engine/sample.js";
import { streamKey, uniformAt } from "../src/lib/engine/streams.js";
import { summarize } from "../src/lib/engine/summary.js";
import { time } from "./timing.js";

const LOW = 300_000;
const HIGH = 8_000_000;
const RATE = 0.5;
const MODEL = `annual loss = sum of N losses, N ~ Poisson(${RATE}), each loss lognormal with 90% interval $${LOW.toLocaleString("en-US")}–$${HIGH.toLocaleString("en-US")}`;

const severity = lognormalFrom90(LOW, HIGH);
const frequency = poisson(RATE);

/** The same model in Squiggle 0.10. `sample(severity)` draws afresh per call; `sampleN` inside `SampleSet.map` repeats the same draws from call to call, so it is not used. */
const SQUIGGLE_CODE = `severity = ${LOW} to ${HIGH}
count = SampleSet.fromDist(Danger.poissonDist(${RATE}))
SampleSet.map(count, {|n| n == 0 ? 0 : List.reduce(List.upTo(1, n), 0, {|total, k| total + sample(severity)})})`;

/** Squiggle's vectorised idiom, `loss × count`: the same mean but one loss size per year, so a different (fatter-tailed) model; shown for context only. */
const SQUIGGLE_PRODUCT_CODE = `severity = ${LOW} to ${HIGH}
severity * Danger.poissonDist(${RATE})`;

function ours(trials: number, seed: number): Float64Array {
  const random = randomSource(seed);
  const count = sampler(frequency, random);
  const loss = sampler(severity, random);
  const out = new Float64Array(trials);
  for (let i = 0; i < trials; i++) {
    let total = 0;
    for (let n = count(); n > 0; n--) total += loss();
    out[i] = total;
  }
  return out;
}

/** The same model drawn as the loss model draws: trial t's count and its k-th loss are pure functions of (seed, name, t, k). */
function oursStreams(trials: number, seed: number): Float64Array {
  const countKey = streamKey(seed, "bench.events");
  const lossKey = streamKey(seed, "bench.magnitude");
  const loss = quantileFunction(severity);
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const n = poissonQuantile(RATE, uniformAt(countKey, t));
    let total = 0;
    for (let k = 0; k < n; k++) total += loss(uniformAt(lossKey, t, k));
    out[t] = total;
  }
  return out;
}

async function squiggle(code: string, trials: number, seed: string): Promise<Float64Array> {
  const output = await run(code, { environment: { ...defaultEnvironment, sampleCount: trials, seed } });
  if (!output.result.ok) throw new Error(`Squiggle failed: ${output.result.value.toString()}`);
  const result = output.result.value.result;
  if (result.tag !== "Dist" || !(result.value instanceof SqSampleSetDistribution)) throw new Error(`Squiggle returned ${result.toString()}, not a sample set`);
  return Float64Array.from(result.value.getSamples());
}

/** Median wall time of `runs` awaited calls, after one warm-up. */
async function timeAsync<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; result: T }> {
  let result = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, result };
}

export async function benchEngine(trials = 1_000_000): Promise<string[]> {
  const expected = mean(frequency) * mean(severity);
  const a = time(() => ours(trials, 2024), 7, 2);
  const s = time(() => oursStreams(trials, 2024), 7, 2);
  const b = await timeAsync(() => squiggle(SQUIGGLE_CODE, trials, "offramp"), 3);
  const c = await timeAsync(() => squiggle(SQUIGGLE_PRODUCT_CODE, trials, "offramp"), 3);
  const parseMs = time(() => parse(SQUIGGLE_CODE), 15, 3).ms;

  const rate = (ms: number) => trials / (ms / 1000);
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  const sa = summarize(a.result);
  const sb = summarize(b.result);
  const sc = summarize(c.result);
  const ss = summarize(s.result);
  const gap = Math.abs(sa.mean - sb.mean) / Math.hypot(sa.standardError, sb.standardError);
  const agree = gap < 4 && [sa, sb, ss].every((x) => Math.abs(x.mean - expected) < 4 * x.standardError);
  const meanLine = (name: string, s: { mean: number; standardError: number }) =>
    `    ${name} mean $${fmt(s.mean)} ± ${fmt(s.standardError)} (${((s.mean - expected) / s.standardError).toFixed(1)} SE from closed form)`;
  return [
    `uncertainty engine, ${trials.toLocaleString("en-US")} trials: ${MODEL}`,
    `  offramp ${a.ms.toFixed(0)} ms = ${fmt(rate(a.ms))} trials/s · Squiggle ${b.ms.toFixed(0)} ms = ${fmt(rate(b.ms))} trials/s (run() incl. parse ${parseMs.toFixed(1)} ms) · ours ${(rate(a.ms) / rate(b.ms)).toFixed(1)}× Squiggle's rate (target 2×)`,
    `  closed-form mean λ·E[loss] = $${fmt(expected)}; ${agree ? "means agree" : "MEANS DISAGREE"} (ours vs Squiggle ${gap.toFixed(1)} SE apart)`,
    meanLine("offramp ", sa),
    meanLine("Squiggle", sb),
    `  offramp with common random numbers (substreams and inversion, as the models draw) ${s.ms.toFixed(0)} ms = ${fmt(rate(s.ms))} trials/s · ${(rate(s.ms) / rate(b.ms)).toFixed(1)}× Squiggle's rate`,
    meanLine("offramp, common random numbers", ss),
    `  context: Squiggle's vectorised \`severity * Danger.poissonDist(${RATE})\` (one loss size × count; same mean, different model) ${c.ms.toFixed(0)} ms = ${fmt(rate(c.ms))} trials/s, mean $${fmt(sc.mean)}; ours ${(rate(a.ms) / rate(c.ms)).toFixed(1)}× that`,
  ];
}
