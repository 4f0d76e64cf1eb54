import { Scenario, SCENARIO_VERSION, ValidationError, validate } from "../schema/index.js";

/** Each older version's step to the next, as plain JSON → JSON. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no replacement option and no narrative: take the default option.
  1: (old) => ({ ...old, schemaVersion: 2, option: old["option"] ?? "defender-everywhere", narrative: old["narrative"] ?? [] }),
  // Version 2 had no price overrides: the price book's prices stand.
  2: (old) => ({ ...old, schemaVersion: 3, prices: old["prices"] ?? [] }),
};

/**
 * Reads a scenario of any version: migrates older versions forward step by step, refuses newer
 * ones, and validates the result, naming each bad field. Never changes its argument.
 */
export function parseScenario(raw: unknown, label: string): Scenario {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ValidationError(label, ["(top level): a scenario is a JSON object"]);
  let value = structuredClone(raw) as Record<string, unknown>;
  const version = value["schemaVersion"];
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) throw new ValidationError(label, [`schemaVersion: expected a whole number from 1 to ${SCENARIO_VERSION}, got ${JSON.stringify(version)}`]);
  if (version > SCENARIO_VERSION) throw new ValidationError(label, [`schemaVersion: version ${version} was written by a newer Offramp; this one reads up to version ${SCENARIO_VERSION}`]);
  for (let v = version; v < SCENARIO_VERSION; v++) value = MIGRATIONS[v]!(value);
  return validate(Scenario, value, label);
}
