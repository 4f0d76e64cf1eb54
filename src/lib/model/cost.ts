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
  /** Months of migration when no plan supplies them (the fallback for spreading work and dual running). */
  migrationMonths: number;
  prepaidMonths: number;
  kasperskyPricePerSeatYear: number;
  costGrowth: number;
  discountRate: number;
  /** USD per device-month of frozen Kaspersky protection: network isolation, extra monitoring, stricter egress. */
  compensatingPerDeviceMonth: number;
  /** Devices one full-time technician migrates in a week: what sizes the team a plan's capacity needs. */
  devicesPerTechWeek: number;
  /** Hours to remove a leftover Kaspersky agent from a device that has no Kaspersky protection. */
  cleanupHours: number;
}

/**
 * One trial of the migration plan, as the cost model reads it (the same trial index as the
 * timeline simulation's): see `CostSchedule` in cost-report.ts, of which this is one column.
 */
export interface TrialSchedule {
  /** Whole months from the as-of date (month 0) to the plan's start. */
  startMonth: number;
  /** Months from the plan's start until every device is off Kaspersky (Infinity: never). */
  migrationMonths: number;
  /** The team's capacity in this trial: devices a week at full speed. */
  capacityPerWeek: number;
  /** Device-days on frozen Kaspersky from the as-of date until each device is migrated. */
  frozenDeviceDays: number;
}

/** Average days in a month (365.25 / 12): device-days to device-months, months to weeks. */
export const DAYS_PER_MONTH = 30.4375;
/** Paid hours of a full-time technician's week. */
export const TECH_HOURS_PER_WEEK = 40;

export const COMPONENTS = ["licences", "dualRunning", "labour", "team", "cleanup", "helpdesk", "training", "services", "downtime", "compensatingControls", "contingency"] as const;
export type Component = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<Component, string> = {
  licences: "Licences",
  dualRunning: "Running both consoles",
  labour: "Migration labour",
  team: "Migration team's time beyond device work",
  cleanup: "Leftover Kaspersky agents removed",
  helpdesk: "Service desk tickets",
  training: "Training",
  services: "Vendor services",
  downtime: "User downtime",
  compensatingControls: "Compensating controls on frozen Kaspersky",
  contingency: "Contingency (cost growth)",
};

export interface CostBreakdown {
  /** Present value of each component over the horizon. */
  components: Record<Component, number>;
  total: number;
  /** Nominal cost of each component in each month (month 0, the as-of date, first). */
  monthly: Record<Component, Float64Array>;
}

const annualPrice = (unit: string, price: number) => (unit === "server-month" ? price * 12 : price);

/** Components spent as one-off work: spread evenly over the migration window. */
const ONE_OFF = ["dualRunning", "labour", "team", "cleanup", "helpdesk", "training", "services", "downtime", "contingency"] as const satisfies readonly Component[];

/**
 * The cost of a plan over `horizonMonths` (month 0 is the as-of date), month by month, and its
 * present value. `schedule` is one trial of the migration plan; without it there is no plan:
 * the work starts at month 0 and takes `v.migrationMonths` (rounded, at least 1), nothing waits.
 *
 * - The migration window runs from the plan's start s = `startMonth` for
 *   M = min(`migrationMonths`, horizon − s) months (fractional; never past the horizon).
 * - Licences: seats × annual price × (1 − street discount) / 12 a month from month s (not
 *   month 0: a plan that starts later pays later), escalating each contract year
 *   ((1 + escalator)^⌊(m − s)/12⌋).
 * - Running both consoles: dual-run admin hours a month × sysadmin rate for each of the M
 *   months (a plan that finishes later runs both consoles longer); only for devices replaced.
 * - Migration labour: project hours × sysadmin rate + device hours × support rate, where device
 *   hours = Σ devices × effort multiplier × (automated + exceptions × (manual + encrypted ×
 *   extra) + password-protected × extra).
 * - Cleanup: devices that only carry a leftover Kaspersky agent × cleanup hours × support
 *   rate (no seat, no dual running, no tickets, services or downtime).
 * - The team a plan's capacity needs: techs = capacity a week / devices one technician
 *   migrates a week, employed for the M months (M × 30.4375 / 7 weeks) at 40 hours a week:
 *   team hours = techs × 40 × weeks. The team does the device and cleanup work, so what the
 *   plan adds is its idle time: team = max(0, team hours − device hours − cleanup hours) ×
 *   support rate. Labour, cleanup and team together are project hours × sysadmin rate +
 *   max(device + cleanup hours, team hours) × support rate: more capacity (other draws equal)
 *   never costs less, and a plan's team is paid for as long as it runs. Without a plan: 0.
 * - Tickets, vendor services and user downtime per replaced device; training once.
 * - All of the above is one-off work, spread evenly over the window (all in month s when M is
 *   0); cost growth inflates it, and the increase is shown as contingency.
 * - Compensating controls (isolation, monitoring, egress) on frozen Kaspersky: the rate per
 *   device-month × (a) the trial's frozen device-days / 30.4375 for the devices the option
 *   replaces, capped at those devices × the horizon and charged front-loaded (month m carries
 *   min(N, D − N·m) device-months for N replaced devices and D device-months: the same total,
 *   and more waiting only ever adds later months; the schedule gives the total, not when, and
 *   front-loading errs toward the higher present value), plus (b) every month of the horizon for
 *   each kept device running Kaspersky protection. Without a plan (a) is 0.
 * - Prepaid Kaspersky licences are not in any option's total: their value is lost whatever is
 *   chosen (see `sunkPrepaid`).
 * - Present value discounts month m by (1 + rate)^(−m/12).
 *
 * Deterministic: the simulation calls `costParts` once per trial and option, so with every
 * range collapsed to a point, the simulation gives exactly this.
 */
export function costBreakdown(plan: CostPlan, v: CostValues, horizonMonths: number, schedule?: TrialSchedule): CostBreakdown {
  const h = Math.max(1, Math.round(horizonMonths));
  const parts = costParts(plan, v, h, schedule);
  const monthly = Object.fromEntries(COMPONENTS.map((c) => [c, new Float64Array(h)])) as Record<Component, Float64Array>;
  for (let m = 0; m < h; m++) {
    monthly.licences[m] = parts.licencesPerMonth * licenceIndex(parts, v, m);
    const w = spreadWeight(parts, m);
    for (const c of ONE_OFF) monthly[c][m] = parts.oneOff[c] * w;
    monthly.compensatingControls[m] = v.compensatingPerDeviceMonth * frozenDeviceMonths(parts, m);
  }
  return { components: parts.components, total: parts.total, monthly };
}

/** The cost's parts and present values, without month-by-month arrays: what the simulation calls per trial. */
export interface CostParts {
  /** Nominal licence cost a month in the first contract year. */
  licencesPerMonth: number;
  /** The migration window: from month `start` for `months` months (fractional). */
  start: number;
  months: number;
  /** Nominal total of each one-off component. */
  oneOff: Record<(typeof ONE_OFF)[number], number>;
  /** Device-months of frozen Kaspersky on the devices the option replaces (capped), and how many those devices are. */
  waitingDeviceMonths: number;
  replaced: number;
  /** Kept devices on frozen Kaspersky protection, every month of the horizon. */
  keptFrozen: number;
  components: Record<Component, number>;
  total: number;
}

/** Share of the one-off work spent in month m. */
function spreadWeight(p: Pick<CostParts, "start" | "months">, m: number): number {
  if (p.months <= 0) return m === p.start ? 1 : 0;
  return Math.max(0, Math.min(m + 1, p.start + p.months) - Math.max(m, p.start)) / p.months;
}

/** Licence price index in month m: 0 before the plan's start, then the escalation of the contract year. */
function licenceIndex(p: Pick<CostParts, "start">, v: CostValues, m: number): number {
  return m < p.start ? 0 : Math.pow(1 + v.annualEscalator, Math.floor((m - p.start) / 12));
}

/** Device-months of frozen Kaspersky carried in month m: the replaced devices' waiting, front-loaded, and the kept ones. */
function frozenDeviceMonths(p: Pick<CostParts, "waitingDeviceMonths" | "replaced" | "keptFrozen">, m: number): number {
  return Math.min(p.replaced, Math.max(0, p.waitingDeviceMonths - p.replaced * m)) + p.keptFrozen;
}

export function costParts(plan: CostPlan, v: CostValues, h: number, schedule?: TrialSchedule): CostParts {
  const n = plan.migratedTotal;
  const start = schedule ? Math.max(0, Math.floor(schedule.startMonth)) : 0;
  const months = schedule ? Math.max(0, Math.min(h - start, schedule.migrationMonths)) : Math.min(h, Math.max(1, Math.round(v.migrationMonths)));

  let licencesPerMonth = 0;
  for (const { product, seats } of plan.seats) {
    const billed = Math.max(seats, product.minimumSeats ?? 0);
    licencesPerMonth += (billed * annualPrice(product.unit, v.prices[product.id] ?? 0) * (1 - v.streetDiscount)) / 12;
  }
  const perDevice = v.automatedHours + v.exceptionRate * (v.manualHours + v.encryptedShare * v.encryptedExtraHours) + v.protectedShare * v.protectedExtraHours;
  let weightedDevices = 0;
  for (const [type, count] of Object.entries(plan.migrated)) weightedDevices += count * (type === "workstation" ? 1 : v.effort[type as DeviceType]);
  const deviceHours = weightedDevices * perDevice;
  const cleanupHours = plan.cleanup * v.cleanupHours;
  const techs = schedule && v.devicesPerTechWeek > 0 ? schedule.capacityPerWeek / v.devicesPerTechWeek : 0;
  const teamHours = n + plan.cleanup > 0 ? techs * TECH_HOURS_PER_WEEK * ((months * DAYS_PER_MONTH) / 7) : 0;
  const work = {
    dualRunning: n > 0 ? months * v.dualRunHoursPerMonth * v.rateSysadmin : 0,
    labour: (n > 0 ? v.projectHours * v.rateSysadmin : 0) + deviceHours * v.rateSupport,
    team: Math.max(0, teamHours - deviceHours - cleanupHours) * v.rateSupport,
    cleanup: cleanupHours * v.rateSupport,
    helpdesk: n * v.ticketRate * v.ticketCost,
    training: n > 0 ? v.training : 0,
    services: n * v.servicesPerDevice,
    downtime: (n * v.downtimeMinutes * v.rateEndUser) / 60,
  };
  const workTotal = work.dualRunning + work.labour + work.team + work.cleanup + work.helpdesk + work.training + work.services + work.downtime;
  const oneOff = { ...work, contingency: workTotal * (v.costGrowth - 1) };
  const waiting = schedule && n > 0 ? Math.min(n * h, Math.max(0, schedule.frozenDeviceDays / DAYS_PER_MONTH)) : 0;
  const parts: Omit<CostParts, "components" | "total"> = { licencesPerMonth, start, months, oneOff, waitingDeviceMonths: waiting, replaced: n, keptFrozen: plan.keptFrozen };

  // Discount factors: month m is worth (1 + rate)^(−m/12) today.
  const step = Math.pow(1 + v.discountRate, -1 / 12);
  let licenceFactor = 0;
  let spreadFactor = 0;
  let frozenFactor = 0;
  let df = 1;
  for (let m = 0; m < h; m++) {
    licenceFactor += df * licenceIndex(parts, v, m);
    spreadFactor += df * spreadWeight(parts, m);
    frozenFactor += df * frozenDeviceMonths(parts, m);
    df *= step;
  }
  const components = { licences: licencesPerMonth * licenceFactor, compensatingControls: v.compensatingPerDeviceMonth * frozenFactor } as Record<Component, number>;
  for (const c of ONE_OFF) components[c] = oneOff[c] * spreadFactor;
  let total = 0;
  for (const c of COMPONENTS) total += components[c];
  return { ...parts, components, total };
}

/**
 * Prepaid Kaspersky licence value lost when Kaspersky is removed: `devices` (the fleet's
 * Kaspersky protection seats) × seat price a year × prepaid months left / 12. The same
 * whatever option is chosen (the licence was paid for before the choice), so it is reported
 * once, beside the options, and never in an option's total.
 */
export function sunkPrepaid(devices: number, v: Pick<CostValues, "kasperskyPricePerSeatYear" | "prepaidMonths">): number {
  return (devices * v.kasperskyPricePerSeatYear * v.prepaidMonths) / 12;
}
