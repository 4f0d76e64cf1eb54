import { lognormalFrom90, normalFrom90, pert, point, triangular, type Distribution } from "../engine/distributions.js";
import type { Assumption } from "../schema/index.js";

/** The assumptions in force: defaults, each replaced by an override with the same id. */
export function assumptionIndex(defaults: readonly Assumption[], overrides: readonly Assumption[] = []): Map<string, Assumption> {
  const index = new Map(defaults.map((a) => [a.id, a]));
  for (const a of overrides) index.set(a.id, a);
  return index;
}

export function requireAssumption(index: ReadonlyMap<string, Assumption>, id: string): Assumption {
  const a = index.get(id);
  if (!a) throw new Error(`the assumption "${id}" is missing from the scenario and the defaults`);
  return a;
}

/** The distribution an assumption stands for: its value, or its range in its stated shape. */
export function toDistribution(a: Assumption): Distribution {
  const v = a.value;
  if (v.kind === "point") return point(v.value);
  switch (a.shape ?? "pert") {
    case "pert":
      return pert(v.low, v.likely, v.high);
    case "triangular":
      return triangular(v.low, v.likely, v.high);
    case "lognormal90":
      return lognormalFrom90(v.low, v.high);
    case "normal90":
      return normalFrom90(v.low, v.high);
  }
}

/** The value to use when a figure is computed without uncertainty: the most likely one. */
export function likely(a: Assumption): number {
  return a.value.kind === "point" ? a.value.value : a.value.likely;
}

/** The low and high ends of an assumption (its value twice for a point). */
export function bounds(a: Assumption): [number, number] {
  return a.value.kind === "point" ? [a.value.value, a.value.value] : [a.value.low, a.value.high];
}
