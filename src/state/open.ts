/**
 * What every page opens with: the current scenario (local storage and URL) and the current
 * inventory (this tab, or kept on this device), and the evaluation context built from them.
 */
import type { EvaluationContext } from "../lib/model/evaluate.js";
import type { InventorySourceRef, Scenario } from "../lib/schema/index.js";
import { currentInventory, forgetInventory, inventoryRefs as refsOf, type CurrentInventory, type Fleet } from "./inventory.js";
import { openWorkbook, type Workbook } from "./workbook.js";

/** The workbook's facts, as the `scenarios.json` data loader gives them. */
export interface Facts {
  presets: Scenario[];
  defaults: EvaluationContext["defaults"];
  book: EvaluationContext["book"];
  options: EvaluationContext["options"];
  regulation: EvaluationContext["regulation"];
  updatesStopped: string;
  software: { name: string; version: string };
}

export interface Opened {
  workbook: Workbook;
  inventory: CurrentInventory;
  fleet: Fleet;
  /** What the one evaluation needs, for the current inventory. */
  context: EvaluationContext;
  /** The inventory references a scenario exported from here carries: file names and content hashes. */
  inventoryRefs: InventorySourceRef[];
  /** Forgets your inventory in this browser and reloads the page on the sample. */
  useSample: () => Promise<void>;
}

/** The organisation name a scenario gets when your own exports replace the sample. */
export const YOUR_ORGANISATION = "Your organisation";

/**
 * Your exports replace the sample: a scenario still named for the sample organisation is renamed
 * for yours (its profile, name, id and description), and the sample's own contracts (its
 * contractual deadlines) leave it, in every state of the workbook. `back` undoes it when the
 * sample returns.
 */
export function ownOrganisation(bundled: Scenario, back = false): (s: Scenario) => Scenario {
  const yours = { name: `${YOUR_ORGANISATION}: baseline`, id: "your-organisation", description: "Your organisation's exports, with the workbook's default assumptions.", org: YOUR_ORGANISATION };
  const sample = { name: bundled.name, id: bundled.id, description: bundled.description, org: bundled.profile.name };
  const [from, to] = back ? [yours, sample] : [sample, yours];
  const contracts = bundled.deadlines.filter((d) => d.kind === "contractual");
  return (s) => {
    if (s.profile.name !== from.org) return s;
    const deadlines = back ? [...s.deadlines, ...contracts.filter((c) => !s.deadlines.some((d) => d.id === c.id))] : s.deadlines.filter((d) => !contracts.some((c) => c.id === d.id && c.date === d.date));
    return {
      ...s,
      name: s.name === from.name ? to.name : s.name,
      id: s.id === from.id ? to.id : s.id,
      description: s.description === from.description ? to.description : s.description,
      profile: { ...s.profile, name: to.org },
      deadlines,
    };
  };
}

export async function openCurrent(facts: Facts, sample: Fleet, bundled: Scenario): Promise<Opened> {
  const workbook = await openWorkbook({ bundled, presets: facts.presets });
  const inventory = await currentInventory(sample, bundled.inventory.length);
  const fleet = inventory.fleet;
  const inventoryRefs = inventory.origin.kind === "yours" ? refsOf(inventory.origin.files) : bundled.inventory;
  // The scenario names the inventory it models (names and hashes, never rows).
  workbook.attachInventory(inventoryRefs);
  // The organisation's name follows the inventory: yours while your exports are modelled, the sample's otherwise (a closed tab forgets yours).
  workbook.relabel(ownOrganisation(bundled, inventory.origin.kind === "sample"));
  const useSample = async () => {
    await forgetInventory();
    workbook.attachInventory(bundled.inventory);
    workbook.relabel(ownOrganisation(bundled, true));
    location.reload();
  };
  return {
    workbook,
    useSample,
    inventory,
    fleet,
    inventoryRefs,
    context: { rows: fleet.rows, defaults: facts.defaults, book: facts.book, options: facts.options, regulation: facts.regulation, updatesStopped: facts.updatesStopped },
  };
}
