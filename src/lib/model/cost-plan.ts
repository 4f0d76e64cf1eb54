import type { DeviceType, PriceBook, PriceBookProduct, ReplacementOption, SegmentMatch } from "../schema/index.js";
import type { FleetRow } from "./fleet.js";
import { isKasperskyDevice } from "./frozen.js";

/** Which devices an option replaces with which product: the counts the cost model prices. */
export interface CostPlan {
  optionId: string;
  optionName: string;
  /** Seats per product (one per device; per-user licences are counted per device). */
  seats: { product: PriceBookProduct; seats: number }[];
  /** Devices whose Kaspersky protection is replaced, by type: what seats, dual running and migration labour are counted on. */
  migrated: Record<DeviceType, number>;
  migratedTotal: number;
  /**
   * Devices that only carry a leftover Kaspersky agent or console (no Kaspersky protection,
   * `FleetRow.coveredProtection` false) and that a rule assigns to a product: they need no
   * replacement seat and no dual running, only the agent removed, priced as a cleanup.
   */
  cleanup: number;
  /** Kaspersky devices the option leaves on frozen Kaspersky ("keep" rules, or no rule). */
  kept: number;
  /**
   * Of those, the frozen ones (`isFrozen`; by default any that run Kaspersky protection, not
   * only an agent): carried and compensated for over the whole horizon.
   */
  keptFrozen: number;
  /** Problems a buyer must know: a product that does not fit a device, or seats over a licence's limit. */
  warnings: string[];
}

const DEVICE_TYPES: DeviceType[] = ["workstation", "server", "vdi", "mobile", "ot", "appliance"];

export function matches(match: SegmentMatch, row: FleetRow): boolean {
  return (!match.deviceType || match.deviceType.includes(row.deviceType)) && (!match.osFamily || match.osFamily.includes(row.osFamily)) && (!match.businessUnit || match.businessUnit.includes(row.businessUnit));
}

/** Whether an option keeps a Kaspersky device on Kaspersky: its first matching rule says "keep", or no rule matches. */
export function keeps(option: ReplacementOption, row: FleetRow): boolean {
  const rule = option.rules.find((r) => matches(r.match, row));
  return !rule || rule.product === "keep";
}

/**
 * Assigns each device running Kaspersky to the first rule of the option that matches it: a
 * "keep" rule (or none) keeps it; a product replaces its protection, or, when the device has
 * only a leftover Kaspersky agent or console, the agent is removed (a cleanup, no seat).
 * `isFrozen` is the one definition of a frozen device (`frozenStatus`), when the caller has it.
 */
export function planFor(option: ReplacementOption, rows: readonly FleetRow[], book: PriceBook, isFrozen: (row: FleetRow) => boolean = (row) => row.coveredProtection): CostPlan {
  const products = new Map(book.products.map((p) => [p.id, p]));
  for (const rule of option.rules) {
    if (rule.product !== "keep" && !products.has(rule.product)) throw new Error(`option "${option.id}" names product "${rule.product}", which is not in the price book`);
  }
  const seats = new Map<string, number>();
  const migrated = Object.fromEntries(DEVICE_TYPES.map((t) => [t, 0])) as Record<DeviceType, number>;
  const unfit = new Map<string, number>();
  let kept = 0;
  let keptFrozen = 0;
  let cleanup = 0;
  for (const row of rows) {
    if (!isKasperskyDevice(row)) continue;
    if (keeps(option, row)) {
      kept++;
      if (isFrozen(row)) keptFrozen++;
      continue;
    }
    const rule = option.rules.find((r) => matches(r.match, row))!;
    if (!row.coveredProtection) {
      cleanup++;
      continue;
    }
    const product = products.get(rule.product)!;
    seats.set(product.id, (seats.get(product.id) ?? 0) + 1);
    migrated[row.deviceType]++;
    if (!product.deviceTypes.includes(row.deviceType) || !product.osFamilies.includes(row.osFamily)) {
      const key = `${product.name} does not cover ${row.osFamily} ${row.deviceType} devices`;
      unfit.set(key, (unfit.get(key) ?? 0) + 1);
    }
  }
  const warnings = [...unfit].map(([text, n]) => `${text} (${n} assigned)`);
  const seatList = [...seats].map(([id, n]) => ({ product: products.get(id)!, seats: n }));
  for (const { product, seats: n } of seatList) {
    if (product.maximumSeats !== undefined && n > product.maximumSeats) warnings.push(`${product.name} is sold for at most ${product.maximumSeats} seats; the option needs ${n}`);
    if (product.minimumSeats !== undefined && n < product.minimumSeats) warnings.push(`${product.name} is sold from ${product.minimumSeats} seats; the option needs ${n} (priced at the minimum)`);
  }
  return { optionId: option.id, optionName: option.name, seats: seatList, migrated, migratedTotal: DEVICE_TYPES.reduce((s, t) => s + migrated[t], 0), cleanup, kept, keptFrozen, warnings };
}
