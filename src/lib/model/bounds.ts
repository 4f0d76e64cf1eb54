/**
 * What a scenario may set an assumption to, read from the workbook's default for it: a fraction
 * (a default within 0–1 whose unit says fraction, share or yes/no) stays within 0–1, a quantity
 * that is never negative stays so, one that is always positive (a loss's size, a time constant)
 * stays positive, and nothing is beyond ±10¹². One rule, used by the evaluation (which refuses),
 * `offramp scenario validate` and the pages' assumption editors (which say why).
 */
import type { Assumption, AssumptionValue, Scenario } from "../schema/index.js";

export const ASSUMPTION_LIMIT = 1e12;

export interface Bounds {
  min: number;
  max: number;
  /** How the bound reads: "from 0 to 1 (a fraction)". */
  says: string;
}

const parts = (v: AssumptionValue) => (v.kind === "point" ? [v.value] : [v.low, v.likely, v.high]);

export function boundsOf(reference: Pick<Assumption, "unit" | "value">): Bounds {
  const values = parts(reference.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low >= 0 && high <= 1 && /fraction|share|probab|yes=1|boolean/i.test(reference.unit)) return { min: 0, max: 1, says: "from 0 to 1 (a fraction)" };
  if (low > 0) return { min: Number.MIN_VALUE, max: ASSUMPTION_LIMIT, says: "above 0" };
  if (low >= 0) return { min: 0, max: ASSUMPTION_LIMIT, says: "0 or more" };
  return { min: -ASSUMPTION_LIMIT, max: ASSUMPTION_LIMIT, says: `within ±${ASSUMPTION_LIMIT.toExponential(0)}` };
}

/** Why `value` cannot stand for the assumption whose default is `reference`, or null when it can. */
export function outOfBounds(value: AssumptionValue, reference: Pick<Assumption, "unit" | "value">): string | null {
  const b = boundsOf(reference);
  const bad = parts(value).find((x) => !Number.isFinite(x) || x < b.min || x > b.max);
  return bad === undefined ? null : `must be ${b.says}, got ${bad}`;
}

/** Every override in the scenario that its default's bounds refuse, named. */
export function overrideProblems(scenario: Pick<Scenario, "assumptions">, defaults: readonly Assumption[]): string[] {
  const byId = new Map(defaults.map((d) => [d.id, d]));
  return scenario.assumptions.flatMap((a) => {
    const reference = byId.get(a.id) ?? a;
    const problem = outOfBounds(a.value, reference);
    return problem ? [`assumption "${a.label}" (${a.id}) ${problem}`] : [];
  });
}
