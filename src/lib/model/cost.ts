import type { DeviceType } from "../schema/index.js";
import type { CostPlan } from "./cost-plan.js";

/** One value for every cost input (a draw of the simulation, or the most likely values). */
export interface CostValues {
  /** USD per unit of each product, by product id, in the product's own unit. */
  prices: Record<string, number>;
  streetDiscount: number;
  annualEscalator: number;
  projectHours: number;
  automatedHours: number;
  exceptionRate: number;
  manualHours: number;
  encryptedShare: number;
  encryptedExtraHours: number;
  protectedShare: number;
  protectedExtraHours: number;
  effort: Record<DeviceType, number>;
  ticketRate: number;
  ticketCost: number;
  rateSysadmin: number;
  rateSupport: number;
  rateEndUser: number;
  servicesPerDevice: number;
  downtimeMinutes: number;
  training: number;
  dualRunHoursPerMonth: number;
  migrationMonths: number;
  prepaidMonths: number;
  kasperskyPricePerSeatYear: number;
  costGrowth: number;
  discountRate: number;
}

export const COMPONENTS = ["licences", "dualRunning", "labour", "helpdesk", "training", "services", "downtime", "prepaidWriteOff", "contingency"] as const;
export type Component = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<Component, string> = {
  licences: "Licences",
  dualRunning: "Running both consoles",
  labour: "Migration labour",
  helpdesk: "Service desk tickets",
  training: "Training",
  services: "Vendor services",
  downtime: "User downtime",
  prepaidWriteOff: "Prepaid Kaspersky written off",
  contingency: "Contingency (cost growth)",
};

export interface CostBreakdown {
  /** Present value of each component over the horizon. */
  components: Record<Component, number>;
  total: number;
  /** Nominal cost of each component in each month (month 0 first). */
  monthly: Record<Component, Float64Array>;
}

const annualPrice = (unit: string, price: number) => (unit === "server-month" ? price * 12 : price);

/**
 * The cost of a plan over `horizonMonths`, month by month, and its present value:
 *
 * - licences: seats × annual price × (1 − street discount), escalating each year, from month 0;
 * - one-off work (labour, tickets, training, services, downtime, and both consoles running) is
 *   spread evenly over the migration months; cost growth inflates it (the increase is shown as
 *   contingency);
 * - prepaid Kaspersky licence value is written off in month 0;
 * - present value discounts month m by (1 + rate)^(−m/12).
 *
 * Deterministic: the simulation calls it once per draw, so with every range collapsed to a
 * point, the simulation gives exactly this.
 */
export function costBreakdown(plan: CostPlan, v: CostValues, horizonMonths: number): CostBreakdown {
  const h = Math.max(1, Math.round(horizonMonths));
  const parts = costParts(plan, v, h);
  const monthly = Object.fromEntries(COMPONENTS.map((c) => [c, new Float64Array(h)])) as Record<Component, Float64Array>;
  for (let m = 0; m < h; m++) monthly.licences[m] = parts.licencesPerMonth * Math.pow(1 + v.annualEscalator, Math.floor(m / 12));
  for (const [component, total] of Object.entries(parts.oneOff) as [Component, number][]) for (let m = 0; m < parts.months; m++) monthly[component][m] = total / parts.months;
  monthly.prepaidWriteOff[0] = parts.prepaid;
  return { components: parts.components, total: parts.total, monthly };
}

interface Parts {
  licencesPerMonth: number;
  months: number;
  oneOff: Partial<Record<Component, number>>;
  prepaid: number;
  components: Record<Component, number>;
  total: number;
}

/** The cost's parts and present values, without month-by-month arrays: what the simulation calls per draw. */
export function costParts(plan: CostPlan, v: CostValues, h: number): Parts {
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>;
  const n = plan.migratedTotal;
  if (n === 0) return { licencesPerMonth: 0, months: 1, oneOff: {}, prepaid: 0, components, total: 0 };
  let licencesPerMonth = 0;
  for (const { product, seats } of plan.seats) {
    const billed = Math.max(seats, product.minimumSeats ?? 0);
    licencesPerMonth += (billed * annualPrice(product.unit, v.prices[product.id] ?? 0) * (1 - v.streetDiscount)) / 12;
  }
  const perDevice = v.automatedHours + v.exceptionRate * (v.manualHours + v.encryptedShare * v.encryptedExtraHours) + v.protectedShare * v.protectedExtraHours;
  let weightedDevices = 0;
  for (const [type, count] of Object.entries(plan.migrated)) weightedDevices += count * (type === "workstation" ? 1 : v.effort[type as DeviceType]);
  const months = Math.min(h, Math.max(1, Math.round(v.migrationMonths)));
  const work = {
    labour: v.projectHours * v.rateSysadmin + weightedDevices * perDevice * v.rateSupport,
    helpdesk: n * v.ticketRate * v.ticketCost,
    training: v.training,
    services: n * v.servicesPerDevice,
    downtime: (n * v.downtimeMinutes * v.rateEndUser) / 60,
    dualRunning: months * v.dualRunHoursPerMonth * v.rateSysadmin,
  };
  const workTotal = work.labour + work.helpdesk + work.training + work.services + work.downtime + work.dualRunning;
  const oneOff: Partial<Record<Component, number>> = { ...work, contingency: workTotal * (v.costGrowth - 1) };
  const prepaid = (n * v.kasperskyPricePerSeatYear * v.prepaidMonths) / 12;
  // Discount factors: month m is worth (1 + rate)^(−m/12) today.
  const step = Math.pow(1 + v.discountRate, -1 / 12);
  let licenceFactor = 0;
  let spreadFactor = 0;
  let df = 1;
  for (let m = 0; m < h; m++) {
    licenceFactor += df * Math.pow(1 + v.annualEscalator, Math.floor(m / 12));
    if (m < months) spreadFactor += df;
    df *= step;
  }
  components.licences = licencesPerMonth * licenceFactor;
  for (const [component, total] of Object.entries(oneOff) as [Component, number][]) components[component] = (total / months) * spreadFactor;
  components.prepaidWriteOff = prepaid;
  let total = 0;
  for (const c of COMPONENTS) total += components[c];
  return { licencesPerMonth, months, oneOff, prepaid, components, total };
}
