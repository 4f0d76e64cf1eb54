import type { Evaluation } from "../model/evaluate.js";

export interface Criterion {
  id: string;
  label: string;
  better: "lower" | "higher";
  value: (e: Evaluation) => number;
  format: "usd" | "percent" | "share";
}

/** The first deadline still ahead: the one a plan can still meet. */
export const nextDeadline = (e: Evaluation) => e.deadlines.find((d) => !d.passed) ?? null;

export const CRITERIA: readonly Criterion[] = [
  { id: "loss", label: "Expected loss over the coming year", better: "lower", value: (e) => e.loss.mean, format: "usd" },
  { id: "tail", label: "Loss in a bad year (P90)", better: "lower", value: (e) => e.loss.p90, format: "usd" },
  { id: "cost", label: "Cost over the horizon (P50, present value)", better: "lower", value: (e) => e.cost.p[50], format: "usd" },
  { id: "deadline", label: "P(meeting the next deadline)", better: "higher", value: (e) => nextDeadline(e)?.probability ?? 0, format: "percent" },
  { id: "exposure", label: "Frozen devices left on average this year", better: "lower", value: (e) => e.frozenShareYear, format: "share" },
];

export const DEFAULT_WEIGHTS: Record<string, number> = { loss: 3, tail: 1, cost: 2, deadline: 3, exposure: 1 };

export interface Ranked {
  id: string;
  name: string;
  /** 0 (worst of those compared) to 1 (best) on each criterion. */
  scores: Record<string, number>;
  total: number;
}

export interface Decision {
  ranking: Ranked[];
  recommendation: { id: string; name: string; reasons: string[] } | null;
}

const lower = (label: string) => (label.startsWith("P(") ? label : label[0]!.toLowerCase() + label.slice(1));
const describe = (c: Criterion, v: number) => (c.format === "usd" ? `$${Math.round(v).toLocaleString("en-US")}` : c.format === "percent" ? `${(v * 100).toFixed(0)}%` : `${(v * 100).toFixed(0)}%`);

/**
 * A weighted decision matrix: each criterion scaled from the worst (0) to the best (1) of the
 * scenarios compared, weighted, summed. The recommendation is the highest total, with the
 * criteria it wins on and the ones it trades away.
 */
export function decide(evaluations: readonly Evaluation[], weights: Record<string, number>): Decision {
  const totalWeight = CRITERIA.reduce((s, c) => s + Math.max(0, weights[c.id] ?? 0), 0);
  const ranking = evaluations
    .map((e) => {
      const scores: Record<string, number> = {};
      for (const c of CRITERIA) {
        const values = evaluations.map(c.value);
        const min = Math.min(...values);
        const max = Math.max(...values);
        const v = c.value(e);
        scores[c.id] = max === min ? 1 : c.better === "lower" ? (max - v) / (max - min) : (v - min) / (max - min);
      }
      const total = totalWeight === 0 ? 0 : CRITERIA.reduce((s, c) => s + Math.max(0, weights[c.id] ?? 0) * scores[c.id]!, 0) / totalWeight;
      return { id: e.id, name: e.name, scores, total };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const best = ranking[0];
  if (!best || evaluations.length < 2) return { ranking, recommendation: null };
  const winner = evaluations.find((e) => e.id === best.id)!;
  const weighted = CRITERIA.filter((c) => (weights[c.id] ?? 0) > 0);
  const wins = weighted.filter((c) => best.scores[c.id] === 1 && new Set(evaluations.map(c.value)).size > 1);
  const losses = weighted.filter((c) => best.scores[c.id]! < 0.5);
  const reasons = [
    ...wins.map((c) => `best on ${lower(c.label)}: ${describe(c, c.value(winner))}`),
    ...losses.map((c) => `trades away ${lower(c.label)}: ${describe(c, c.value(winner))} against the best ${describe(c, c.better === "lower" ? Math.min(...evaluations.map(c.value)) : Math.max(...evaluations.map(c.value)))}`),
  ];
  if (ranking[1] && ranking[1].total > best.total - 0.05) reasons.push(`a close call with "${ranking[1].name}" (${(best.total * 100).toFixed(0)} against ${(ranking[1].total * 100).toFixed(0)} out of 100): check the weights`);
  return { ranking, recommendation: { id: best.id, name: best.name, reasons } };
}

/**
 * P(A beats B) on a quantity where lower is better, from draws paired trial by trial: the
 * share of trials where A is lower, counting ties (both years without loss, say) as half.
 */
export function beats(a: Float64Array, b: Float64Array): { probability: number; standardError: number } {
  const n = Math.min(a.length, b.length);
  let score = 0;
  for (let i = 0; i < n; i++) score += a[i]! < b[i]! ? 1 : a[i]! === b[i]! ? 0.5 : 0;
  const p = score / n;
  return { probability: p, standardError: Math.sqrt((p * (1 - p)) / n) };
}
