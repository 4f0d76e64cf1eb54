/**
 * Memo inputs worked by hand for three organisations: plain objects, no model run. Every figure
 * is chosen so the relations the model guarantees hold (do nothing = baseline + what frozen
 * Kaspersky adds; plan saving = do nothing − with the plan; horizon total = cost + horizon loss),
 * and the obligations are copied from data/timelines/kaspersky.json for each profile.
 */
import type { MemoInputs } from "../../../src/lib/memo/build.js";
import type { Evaluation, YearLoss } from "../../../src/lib/model/evaluate.js";
import type { DeadlineOutlook } from "../../../src/lib/model/timeline-report.js";
import type { ApplicableObligation } from "../../../src/lib/regulation/obligations.js";
import type { Deadline, MigrationPlan, OrgProfile, Scenario } from "../../../src/lib/schema/index.js";

type Figures = Omit<Evaluation, "draws">;

const AS_OF = "2026-11-25";
const SEED = 20240929;
const TRIALS = 10_000;

const BIS_CITATION = "89 FR 52434 (Case No. ICTS-2021-002)";
const BIS_SOURCE = { url: "https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html", title: "Final Determination ICTS-2021-002, 89 FR 52434 (Federal Register via Justia)" };

/** The vendor's milestones as memoInputs() reads them from the timeline. */
export const MILESTONES: MemoInputs["milestones"] = {
  salesStopped: { date: "2024-07-20", instant: "2024-07-20T00:00:00.000Z", time: null, citation: BIS_CITATION, instrument: "Final Determination ICTS-2021-002 - first effective date" },
  updatesStopped: { date: "2024-09-29", instant: "2024-09-29T04:00:00.000Z", time: "00:00 EDT", citation: BIS_CITATION, instrument: "Final Determination ICTS-2021-002 - second effective date" },
};

const profile = (p: Partial<OrgProfile> & Pick<OrgProfile, "name">): OrgProfile => ({
  usPerson: true,
  federalAgency: false,
  federalContractor: false,
  fccSubsidyRecipient: false,
  resellerMspOem: false,
  criticalInfrastructure: false,
  governmentSystems: false,
  countries: ["US"],
  ...p,
});

const range = (low: number, likely: number, high: number) => ({ low, likely, high });

const PLAN: MigrationPlan = {
  start: "2026-12-01",
  procurementDays: range(10, 30, 90),
  preparationDays: range(5, 15, 45),
  pilotDays: range(5, 10, 30),
  pilotDevices: 10,
  waves: [{ id: "all", label: "Everything", match: {} }],
  capacityPerWeek: range(20, 40, 80),
  learningWeeks: 2,
  stragglerShare: range(0.01, 0.05, 0.15),
  stragglerDays: range(7, 14, 45),
  decommissionDays: range(5, 10, 30),
  slippage: range(1, 1.2, 1.8),
  freezes: [],
};

function scenario(id: string, name: string, p: OrgProfile, extra: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: 3,
    id,
    name,
    description: `${name}, worked by hand for the memo tests.`,
    asOf: AS_OF,
    programme: "kaspersky",
    profile: p,
    inventory: [{ file: "inventory.csv", format: "generic-table" }],
    assumptions: [],
    deadlines: [],
    seed: SEED,
    trials: TRIALS,
    option: "defender",
    narrative: [],
    prices: [],
    horizonMonths: 36,
    ...extra,
  };
}

const yearLoss = (mean: number, standardError: number, p90: number, tolerance: [number, number] | null = null): YearLoss => ({
  mean,
  standardError,
  p90,
  p90StandardError: p90 / 40,
  toleranceProbability: tolerance?.[0] ?? null,
  toleranceStandardError: tolerance?.[1] ?? null,
});

/** Cost quantiles spread evenly around the median, as the tests only read P10, P50 and P90. */
const cost = (p50: number, spread: number, devices: number): Figures["cost"] => {
  const p = { 5: p50 - 1.6 * spread, 10: p50 - 1.3 * spread, 25: p50 - 0.7 * spread, 50: p50, 75: p50 + 0.7 * spread, 90: p50 + 1.3 * spread, 95: p50 + 1.6 * spread, 99: p50 + 2.3 * spread };
  return { mean: p50 + 0.05 * spread, standardError: spread / 100, p, perDevice: devices ? (p50 + 0.05 * spread) / devices : null };
};

/** Fields every evaluation has; each fixture sets the figures that matter to it. */
function figures(f: Pick<Figures, "id" | "name" | "option" | "optionName" | "counts" | "lossDoingNothing" | "lossWithPlan" | "planSaving" | "attributableDoingNothing" | "baseline" | "cost" | "horizonLoss" | "deadlines" | "completion"> & Partial<Figures>): Figures {
  const total = f.cost.mean + f.horizonLoss.mean;
  const se = Math.hypot(f.cost.standardError, f.horizonLoss.standardError);
  return {
    asOf: AS_OF,
    seed: SEED,
    trials: TRIALS,
    horizonMonths: 36,
    horizonTotal: { mean: total, standardError: se, p10: 0.7 * total, p50: 0.95 * total, p90: 1.4 * total },
    frozenDeviceDays: null,
    frozenShareYear: f.completion ? 0.4 : 1,
    keptDevices: 0,
    sunkPrepaid: null,
    ...f,
  };
}

const obligation = (o: Omit<ApplicableObligation, "datePrecision" | "instant" | "authority" | "instrument" | "confidence"> & Partial<ApplicableObligation>): ApplicableObligation => ({
  datePrecision: "day",
  instant: `${o.date}T00:00:00.000Z`,
  authority: "",
  instrument: o.citation,
  confidence: "verified",
  ...o,
});

/** The BIS rules as they reach any US person: the sales ban (not a removal deadline) and the update cutoff (technical). */
const US_PERSON_OBLIGATIONS: ApplicableObligation[] = [
  obligation({
    eventId: "KAS-2024-07-20-NEWAGR",
    date: "2024-07-20",
    jurisdiction: "US",
    citation: BIS_CITATION,
    title: "Ban on new Kaspersky agreements with US persons takes effect",
    kind: "binding-rule",
    audience: "us-persons",
    class: "legal-prohibition",
    effect: "Kaspersky may not enter new agreements with US persons from 20 July 2024: no new purchases and, likely, no renewals. The prohibition is on Kaspersky's sales, not on using what you already have: not a removal deadline.",
    deadline: false,
    sources: [BIS_SOURCE],
  }),
  obligation({
    eventId: "KAS-2024-09-29-CUTOFF",
    date: "2024-09-29",
    instant: "2024-09-29T04:00:00.000Z",
    jurisdiction: "US",
    citation: BIS_CITATION,
    title: "Kaspersky updates, KSN, resale, integration and licensing prohibited",
    kind: "binding-rule",
    audience: "us-persons",
    class: "technical",
    effect: "From 00:00 EDT on 29 September 2024 no signature or code updates and no Kaspersky Security Network lookups. Continued use is not penalised, but it is unsupported and protection decays.",
    deadline: false,
    sources: [BIS_SOURCE],
  }),
];

const outlook = (deadline: Deadline, probability: number, passed = false): DeadlineOutlook => ({ deadline, probability, standardError: passed ? 0 : Math.sqrt((probability * (1 - probability)) / TRIALS), passed });

const ASSUMPTIONS: MemoInputs["assumptions"] = [
  {
    id: "m_inf_stale_av_infection_multiplier",
    label: "Infection multiplier of stale anti-virus",
    unit: "x infection rate vs up-to-date AV",
    value: { kind: "range", low: 1.5, likely: 2.5, high: 4 },
    confidence: "assumption",
    sources: [],
    changed: false,
  },
  {
    id: "s_endpoint_malware_share",
    label: "Share of loss events that start with endpoint malware",
    unit: "fraction of loss events",
    value: { kind: "range", low: 0.2, likely: 0.35, high: 0.5 },
    confidence: "likely",
    sources: [{ url: "https://www.verizon.com/business/resources/reports/dbir/", title: "Verizon DBIR" }],
    changed: true,
  },
];

const EXPOSURE: MemoInputs["exposure"] = {
  frozenWeightShare: 0.31,
  fleetMultiplier: 1.84,
  tornado: [
    { input: "mInf", label: "Infection multiplier of stale anti-virus", low: 1.5, high: 4, outputAtLow: 210_000, outputAtHigh: 690_000, swing: 480_000 },
    { input: "lefBase", label: "Loss events a year (baseline)", low: 0.1, high: 0.6, outputAtLow: 150_000, outputAtHigh: 560_000, swing: 410_000 },
  ],
  valueOfInformation: [
    { input: "mInf", label: "Infection multiplier of stale anti-virus", share: 0.46 },
    { input: "lefBase", label: "Loss events a year (baseline)", share: 0.29 },
  ],
};

const common = { exposure: EXPOSURE, assumptions: ASSUMPTIONS, milestones: MILESTONES, software: { name: "Offramp", version: "0.1.0" }, contentHash: "ab12".repeat(16), trials: TRIALS };

// ---------------------------------------------------------------------------------------------
// 1. A federal contractor: 120 violations; §1634 binds it through its contracts since 2018; a
//    contractual deadline ahead that neither option is likely to meet.

const NDAA: ApplicableObligation = obligation({
  eventId: "KAS-2018-10-01-NDAA-EFF",
  date: "2018-10-01",
  jurisdiction: "US",
  citation: "Pub. L. 115-91 §1634(b); 48 CFR 4.2002",
  title: "Statutory prohibition on federal use of Kaspersky products/services takes effect",
  kind: "binding-rule",
  audience: "federal-contractors",
  class: "contractual",
  effect: "Kaspersky products, including embedded engines, may not be delivered to the government or used to perform federal contracts; the FAR clause carries this into contracts.",
  deadline: true,
  sources: [{ url: "http://www.wifcon.com/dodauth18/dod18_1634.htm", title: "WIFCON reproduction of NDAA FY2018 s.1634" }],
});

const FAR_EFFECTIVE: ApplicableObligation = obligation({
  eventId: "KAS-2018-07-16-FAR-EFF",
  date: "2018-07-16",
  jurisdiction: "US",
  citation: "48 CFR 52.204-23",
  title: "FAR 52.204-23 becomes effective; inserted in solicitations/contracts",
  kind: "binding-rule",
  audience: "federal-contractors",
  class: "contractual",
  effect: "FAR 52.204-23 enters solicitations and contracts from 16 July 2018.",
  deadline: false,
  sources: [{ url: "https://regulations.justia.com/regulations/fedreg/2018/06/15/2018-12847.html", title: "Federal Register 83 FR 28141" }],
});

const NDAA_DEADLINE: Deadline = { id: "KAS-2018-10-01-NDAA-EFF", label: "Statutory prohibition on federal use of Kaspersky products/services takes effect", date: "2018-10-01", instant: "2018-10-01T00:00:00.000Z", kind: "contractual", eventId: "KAS-2018-10-01-NDAA-EFF" };
const RECOMPETE: Deadline = { id: "recompete", label: "Prime contract recompete: no Kaspersky attested", date: "2027-03-31", kind: "contractual" };
const BOARD: Deadline = { id: "board", label: "Board target: Kaspersky gone", date: "2027-06-30", kind: "internal" };

const contractorProfile = profile({ name: "US federal contractor", federalContractor: true });
const contractorCounts = { devices: 850, kasperskyDevices: 120, frozenDevices: 112, assumedFrozen: 14, violations: 120 };

const fastCutover = figures({
  id: "fast-cutover",
  name: "Fast cut-over",
  option: "defender",
  optionName: "Microsoft Defender for Endpoint",
  counts: contractorCounts,
  lossDoingNothing: yearLoss(412_000, 9_800, 1_150_000),
  lossWithPlan: yearLoss(221_000, 6_400, 640_000),
  planSaving: { mean: 191_000, standardError: 4_100 },
  attributableDoingNothing: { mean: 316_000, standardError: 8_900 },
  baseline: { mean: 96_000, standardError: 2_100 },
  cost: cost(230_000, 50_000, 120),
  horizonLoss: { mean: 380_000, standardError: 9_000 },
  deadlines: [outlook(NDAA_DEADLINE, 0, true), outlook(RECOMPETE, 0.62), outlook(BOARD, 0.81)],
  completion: { p50: "2027-03-12", p80: "2027-04-20" },
  frozenDeviceDays: 21_400,
  sunkPrepaid: 8_400,
});

const phased = figures({
  id: "phased",
  name: "Phased replacement",
  option: "defender",
  optionName: "Microsoft Defender for Endpoint",
  counts: contractorCounts,
  lossDoingNothing: yearLoss(412_000, 9_800, 1_150_000),
  lossWithPlan: yearLoss(262_000, 7_100, 760_000),
  planSaving: { mean: 150_000, standardError: 4_000 },
  attributableDoingNothing: { mean: 316_000, standardError: 8_900 },
  baseline: { mean: 96_000, standardError: 2_100 },
  cost: cost(185_000, 40_000, 120),
  horizonLoss: { mean: 475_000, standardError: 9_400 },
  deadlines: [outlook(NDAA_DEADLINE, 0, true), outlook(RECOMPETE, 0.35), outlook(BOARD, 0.52)],
  completion: { p50: "2027-05-02", p80: "2027-06-18" },
  frozenDeviceDays: 30_900,
  sunkPrepaid: 8_400,
});

export const federalContractor: MemoInputs = {
  ...common,
  scenario: scenario("fast-cutover", "Fast cut-over", contractorProfile, { plan: PLAN, deadlines: [RECOMPETE, BOARD] }),
  evaluation: fastCutover,
  alternatives: [phased],
  decision: {
    ranking: [
      { id: "fast-cutover", name: "Fast cut-over", total: { mean: fastCutover.horizonTotal.mean, standardError: fastCutover.horizonTotal.standardError }, versusBest: null, misses: [fastCutover.deadlines[1]!] },
      {
        id: "phased",
        name: "Phased replacement",
        total: { mean: phased.horizonTotal.mean, standardError: phased.horizonTotal.standardError },
        versusBest: { meanDifference: phased.horizonTotal.mean - fastCutover.horizonTotal.mean, standardError: 3_000, unpairedStandardError: 13_000, probability: 0.08, probabilityStandardError: 0.0027, tie: false },
        misses: [phased.deadlines[1]!],
      },
    ],
    recommendation: {
      id: "fast-cutover",
      name: "Fast cut-over",
      reasons: [
        "it has the lowest expected cost plus loss over 36 months: $612,500 (± $9,100)",
        'it is $49,500 (± $3,000) lower than "Phased replacement", and lower in 92% of the simulated futures',
        'no option compared meets every hard deadline: this one meets "Prime contract recompete: no Kaspersky attested" (2027-03-31) with probability 62%',
      ],
    },
    evpi: { value: 4_200, standardError: 300 },
    evppi: [
      { input: "plan.capacityPerWeek", label: "The team's capacity (devices a week)", value: 3_100 },
      { input: "m_inf_stale_av_infection_multiplier", label: "Infection multiplier of stale anti-virus", value: 700 },
      { input: "tau_threat_turnover", label: "Threat turnover", value: 40 },
    ],
    switchingValues: [
      { input: "plan.capacityPerWeek", label: "The team's capacity (devices a week)", value: null, low: 21, high: 78, direction: null },
      { input: "m_inf_stale_av_infection_multiplier", label: "Infection multiplier of stale anti-virus", value: 1.62, low: 1.5, high: 4, direction: "lower" },
    ],
  },
  obligations: [FAR_EFFECTIVE, NDAA, ...US_PERSON_OBLIGATIONS],
  continuedUseLawful: false,
  fleet: { devices: 850, kasperskyDevices: 120, byUnit: [{ unit: "Engineering", devices: 500, kaspersky: 80 }, { unit: "Programs", devices: 350, kaspersky: 40 }] },
  review: [],
  inventory: { read: [{ file: "defender-tvm.csv", format: "defender-tvm", rows: 9_412, accepted: 9_410, rejected: 2 }, { file: "ksc-hosts.xlsx", format: "ksc", rows: 120, accepted: 120, rejected: 0 }], unreadable: [] },
};

// ---------------------------------------------------------------------------------------------
// 2. A private US company: no law or contract binds it; two replacements tied within Monte Carlo
//    error; with the plan, nine years in ten bring no loss event (P90 of zero).

const privateProfile = profile({ name: "Private US company" });
const privateCounts = { devices: 1_200, kasperskyDevices: 340, frozenDevices: 318, assumedFrozen: 27, violations: 0 };
const OWN_TARGET: Deadline = { id: "own", label: "Board target: Kaspersky gone", date: "2027-03-31", kind: "internal" };

const defender = figures({
  id: "defender",
  name: "Replace with Defender",
  option: "defender",
  optionName: "Microsoft Defender for Endpoint",
  counts: privateCounts,
  lossDoingNothing: yearLoss(58_000, 2_900, 120_000, [0.004, 0.0006]),
  lossWithPlan: yearLoss(21_000, 1_500, 0, [0.001, 0.0003]),
  planSaving: { mean: 37_000, standardError: 1_700 },
  attributableDoingNothing: { mean: 44_000, standardError: 2_600 },
  baseline: { mean: 14_000, standardError: 600 },
  cost: cost(210_000, 45_000, 340),
  horizonLoss: { mean: 88_000, standardError: 3_800 },
  deadlines: [outlook(OWN_TARGET, 0.55)],
  completion: { p50: "2027-03-20", p80: "2027-05-04" },
  frozenDeviceDays: 40_200,
  sunkPrepaid: 12_700,
});

const crowdstrike = figures({
  id: "crowdstrike",
  name: "Replace with CrowdStrike",
  option: "crowdstrike",
  optionName: "CrowdStrike Falcon",
  counts: privateCounts,
  lossDoingNothing: yearLoss(58_000, 2_900, 120_000, [0.004, 0.0006]),
  lossWithPlan: yearLoss(19_000, 1_400, 0, [0.001, 0.0003]),
  planSaving: { mean: 39_000, standardError: 1_700 },
  attributableDoingNothing: { mean: 44_000, standardError: 2_600 },
  baseline: { mean: 14_000, standardError: 600 },
  cost: cost(216_000, 47_000, 340),
  horizonLoss: { mean: 85_000, standardError: 3_700 },
  deadlines: [outlook(OWN_TARGET, 0.58)],
  completion: { p50: "2027-03-15", p80: "2027-04-28" },
  frozenDeviceDays: 38_800,
  sunkPrepaid: 12_700,
});

export const privateCompany: MemoInputs = {
  ...common,
  scenario: scenario("defender", "Replace with Defender", privateProfile, { plan: PLAN, deadlines: [OWN_TARGET], riskTolerance: 500_000 }),
  evaluation: defender,
  alternatives: [crowdstrike],
  decision: {
    ranking: [
      { id: "defender", name: "Replace with Defender", total: { mean: defender.horizonTotal.mean, standardError: defender.horizonTotal.standardError }, versusBest: null, misses: [] },
      {
        id: "crowdstrike",
        name: "Replace with CrowdStrike",
        total: { mean: crowdstrike.horizonTotal.mean, standardError: crowdstrike.horizonTotal.standardError },
        versusBest: { meanDifference: crowdstrike.horizonTotal.mean - defender.horizonTotal.mean, standardError: 2_500, unpairedStandardError: 6_000, probability: 0.47, probabilityStandardError: 0.005, tie: true },
        misses: [],
      },
    ],
    recommendation: {
      id: "defender",
      name: "Replace with Defender",
      reasons: [
        "it has the lowest expected cost plus loss over 36 months: $300,250 (± $4,000)",
        'against "Replace with CrowdStrike" the difference, $3,100, is within the simulation\'s error (± $5,000): the two are tied on this measure, so choose between them on other grounds',
      ],
    },
    evpi: { value: 12_000, standardError: 800 },
    evppi: [
      { input: "plan.capacityPerWeek", label: "The team's capacity (devices a week)", value: 6_000 },
      { input: "m_inf_stale_av_infection_multiplier", label: "Infection multiplier of stale anti-virus", value: 2_500 },
      { input: "s_endpoint_malware_share", label: "Share of loss events that start with endpoint malware", value: 900 },
      { input: "tau_threat_turnover", label: "Threat turnover", value: 100 },
    ],
    switchingValues: [{ input: "plan.capacityPerWeek", label: "The team's capacity (devices a week)", value: 62, low: 21, high: 78, direction: "higher" }],
  },
  obligations: US_PERSON_OBLIGATIONS,
  continuedUseLawful: true,
  fleet: { devices: 1_200, kasperskyDevices: 340, byUnit: [{ unit: "Operations", devices: 800, kaspersky: 240 }, { unit: "Sales", devices: 400, kaspersky: 100 }] },
  review: [{ hostname: "dev-ws-7", products: ["KasperskyLab open-source developer libraries (Kaspresso, Kaspirin, klogga)"] }],
  inventory: { read: [{ file: "intune-devices.csv", format: "intune", rows: 1_200, accepted: 1_200, rejected: 0 }], unreadable: [{ file: "mecm-sales.csv", reason: "cannot be read (ENOENT)" }] },
};

// ---------------------------------------------------------------------------------------------
// 3. A German subsidiary (not a US person): the BIS rules do not bind it; the BSI warning is
//    advice; no plan and no alternatives.

const BSI: ApplicableObligation = obligation({
  eventId: "KAS-2022-03-15-BSI",
  date: "2022-03-15",
  jurisdiction: "DE",
  citation: "§7 BSIG",
  title: "BSI warns against Kaspersky anti-virus and recommends replacing it with alternative products",
  kind: "guidance",
  audience: "all-users",
  class: "advisory",
  effect: "Germany's Federal Office for Information Security (BSI) warns against Kaspersky anti-virus and recommends replacing it with other products. Use is not prohibited.",
  deadline: false,
  sources: [{ url: "https://www.bsi.bund.de/DE/Service-Navi/Presse/Pressemitteilungen/Presse2022/220315_Kaspersky-Warnung.html", title: "BSI Pressemitteilung 15.03.2022" }],
});

const OVG: ApplicableObligation = obligation({
  eventId: "KAS-2022-04-28-OVG",
  date: "2022-04-28",
  jurisdiction: "DE",
  citation: "OVG NRW, 4 B 473/22",
  title: "Higher administrative court upholds BSI Kaspersky warning (final, unappealable)",
  kind: "guidance",
  audience: "all-users",
  class: "context",
  effect: "The court found the BSI warning lawful; it stands as official advice.",
  deadline: false,
  sources: [],
});

const germanProfile = profile({ name: "German subsidiary", usPerson: false, countries: ["DE"] });
const germanDoNothing = yearLoss(26_000, 1_300, 64_000);

const keepKaspersky = figures({
  id: "keep",
  name: "Keep Kaspersky for now",
  option: "keep",
  optionName: "Keep Kaspersky",
  counts: { devices: 640, kasperskyDevices: 210, frozenDevices: 35, assumedFrozen: 0, violations: 0 },
  lossDoingNothing: germanDoNothing,
  lossWithPlan: germanDoNothing,
  planSaving: { mean: 0, standardError: 0 },
  attributableDoingNothing: { mean: 6_500, standardError: 700 },
  baseline: { mean: 19_500, standardError: 900 },
  cost: cost(0, 0, 0),
  horizonLoss: { mean: 81_000, standardError: 3_900 },
  deadlines: [],
  completion: null,
  keptDevices: 210,
});

export const germanSubsidiary: MemoInputs = {
  ...common,
  scenario: scenario("keep", "Keep Kaspersky for now", germanProfile, { option: "keep" }),
  evaluation: keepKaspersky,
  alternatives: [],
  decision: null,
  obligations: [BSI, OVG],
  continuedUseLawful: true,
  fleet: { devices: 640, kasperskyDevices: 210, byUnit: [{ unit: "Werk Köln", devices: 640, kaspersky: 210 }] },
  review: [],
  inventory: { read: [{ file: "ksc-werk-koeln.xml", format: "ksc", rows: 640, accepted: 640, rejected: 0 }], unreadable: [] },
};
