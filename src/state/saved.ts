import type { Scenario } from "../lib/schema/index.js";

/** A saved version of a scenario in this browser. */
export interface SavedScenario {
  savedAt: string;
  scenario: Scenario;
}

const KEY = "offramp.scenarios";

/** Every version saved in this browser's local storage, oldest first (nothing else is stored). */
export function savedScenarios(storage: Storage = localStorage): SavedScenario[] {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function saveScenario(scenario: Scenario, storage: Storage = localStorage, now = new Date()): SavedScenario[] {
  const all = [...savedScenarios(storage), { savedAt: now.toISOString(), scenario }];
  storage.setItem(KEY, JSON.stringify(all));
  return all;
}

export function forgetScenarios(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
