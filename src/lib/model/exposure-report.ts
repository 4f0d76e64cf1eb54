import { mean as distributionMean } from "../engine/distributions.js";
import type { Assumption, OrgProfile } from "../schema/index.js";
import { decayMultiplier } from "./decay.js";
import { deviceExposure, exposureProfile, fleetMultiplier, type DeviceExposure, type DeviceWeights } from "./exposure.js";
import type { FleetRow } from "./fleet.js";
import { frozenRule, isKasperskyDevice } from "./frozen.js";
import { simulateLoss, UNCERTAIN_INPUTS, YEAR_WEEKS, type LossInputs, type LossResult, type UncertainInput } from "./loss.js";
import { bounds, likely, requireAssumption, toDistribution } from "./parameters.js";
import { tornado, varianceShare, type TornadoBar } from "./sensitivity.js";

export type OrganisationSize = "smb" | "midsize" | "large";

/** SMB under 250 devices, large from 10,000 (an assumption; the scenario may say otherwise). */
export function sizeOf(devices: number): OrganisationSize {
  return devices < 250 ? "smb" : devices < 10_000 ? "midsize" : "large";
}

export const INPUT_ASSUMPTIONS = (size: OrganisationSize): Record<UncertainInput | "lossMagnitude", string> => ({
  lefBase: `lef_baseline_${size}`,
  s: "s_endpoint_malware_share",
  mInf: "m_inf_stale_av_infection_multiplier",
  mKsn: "m_ksn_immediate_multiplier",
  tau: "tau_threat_turnover",
  lossMagnitude: `lm_90ci_${size}`,
});

export function weightsFrom(index: ReadonlyMap<string, Assumption>): DeviceWeights {
  const w = (id: string) => likely(requireAssumption(index, id));
  return {
    criticality: { 1: w("weight_criticality_tier1"), 2: w("weight_criticality_tier2"), 3: w("weight_criticality_tier3"), 4: w("weight_criticality_tier4") },
    internetFacing: w("weight_internet_facing"),
    sensitivity: { public: w("weight_sensitivity_public"), internal: w("weight_sensitivity_internal"), confidential: w("weight_sensitivity_confidential"), restricted: w("weight_sensitivity_restricted") },
  };
}

export interface ExposureRequest {
  rows: readonly FleetRow[];
  assumptions: ReadonlyMap<string, Assumption>;
  profile: OrgProfile;
  asOf: string;
  updatesStopped: string;
  trials: number;
  seed: number;
  size?: OrganisationSize;
  riskTolerance?: number;
  /** Keep the per-trial draws (for pairing with the plan's trials). */
  keepDraws?: boolean;
  /** The fleet's per-device exposure, when the caller has computed it already (`deviceExposure` with the same inputs). */
  exposures?: readonly DeviceExposure[];
}

export interface ExposureReport {
  asOf: string;
  size: OrganisationSize;
  devices: number;
  kasperskyDevices: number;
  frozenDevices: number;
  /** Of those, devices frozen by the rule because no export gives their signature date. */
  assumedFrozen: number;
  /** Devices whose Kaspersky use is a violation (federal agencies and contractors), not a risk. */
  violations: number;
  frozenWeightShare: number;
  /** Weighted infection multiplier of the fleet today, at the most likely decay parameters. */
  fleetMultiplier: number;
  assumptionsUsed: Record<string, string>;
  /** Loss doing nothing: every frozen device stays frozen over the coming year. */
  loss: Omit<LossResult, "draws" | "annualDraws">;
  /** Per-trial annual loss doing nothing, when asked for. */
  annualDraws?: Float64Array;
  tornado: TornadoBar[];
  /** Each uncertain input's share of the variance of expected loss, largest first. */
  valueOfInformation: { input: UncertainInput; label: string; share: number }[];
  /** Expected loss over the coming year with every input at its most likely value: the tornado's centre. */
  tornadoCentre: number;
}

const VOI_TRIALS = 20_000;

const LABELS: Record<UncertainInput, string> = {
  lefBase: "Loss events a year (baseline)",
  s: "Share of loss events that endpoint protection affects",
  mInf: "Infection multiplier of stale protection",
  mKsn: "Infection multiplier when cloud lookups stop",
  tau: "Threat turnover (days)",
};

/** The loss model's inputs as distributions, from the assumptions for an organisation of this size. */
export function lossInputsFrom(assumptions: ReadonlyMap<string, Assumption>, size: OrganisationSize): LossInputs {
  const ids = INPUT_ASSUMPTIONS(size);
  const d = (key: keyof typeof ids) => toDistribution(requireAssumption(assumptions, ids[key]));
  return { lefBase: d("lefBase"), s: d("s"), mInf: d("mInf"), mKsn: d("mKsn"), tau: d("tau"), lossMagnitude: d("lossMagnitude") };
}

export function exposureReport(request: ExposureRequest): ExposureReport {
  const size = request.size ?? sizeOf(request.rows.length);
  const ids = INPUT_ASSUMPTIONS(size);
  const a = (key: keyof typeof ids) => requireAssumption(request.assumptions, ids[key]);
  const inputs = lossInputsFrom(request.assumptions, size);
  const exposures = request.exposures ?? deviceExposure(request.rows, { asOf: request.asOf, updatesStopped: request.updatesStopped, weights: weightsFrom(request.assumptions), profile: request.profile, rule: frozenRule(request.profile, request.assumptions) });
  const profile = exposureProfile(exposures);
  const { draws, annualDraws, ...loss } = simulateLoss(profile, inputs, { trials: request.trials, seed: request.seed, riskTolerance: request.riskTolerance });
  const meanMagnitude = distributionMean(inputs.lossMagnitude);
  const weekly = (v: Record<UncertainInput, number>, extraDays: number) =>
    v.lefBase * (1 - v.s + v.s * fleetMultiplier(profile, (d) => decayMultiplier(d, { mInf: v.mInf, mKsn: Math.min(v.mKsn, v.mInf), tau: v.tau }), 1, extraDays)) * meanMagnitude;
  // The coming year as the simulation counts it: the fleet ages week by week (mid-week).
  const expectedLoss = (v: Record<UncertainInput, number>) => {
    let sum = 0;
    for (let j = 0; j < YEAR_WEEKS; j++) sum += weekly(v, 7 * (j + 0.5));
    return sum / YEAR_WEEKS;
  };
  const rows = UNCERTAIN_INPUTS.map((key) => {
    const assumption = a(key);
    const [low, high] = bounds(assumption);
    return { key, label: LABELS[key], likely: likely(assumption), low, high };
  });
  const base = Object.fromEntries(rows.map((r) => [r.key, r.likely])) as Record<UncertainInput, number>;
  return {
    asOf: request.asOf,
    size,
    devices: profile.devices,
    kasperskyDevices: request.rows.filter(isKasperskyDevice).length,
    frozenDevices: profile.frozenDevices,
    assumedFrozen: profile.assumedFrozen,
    violations: profile.violations,
    frozenWeightShare: profile.totalWeight === 0 ? 0 : 1 - profile.unfrozenWeight / profile.totalWeight,
    fleetMultiplier: loss.multiplierAtLikely,
    assumptionsUsed: ids,
    loss,
    ...(request.keepDraws ? { annualDraws } : {}),
    tornado: tornado(rows, (v) => expectedLoss(v)),
    // Shares from the first 20,000 trials: ample to rank five inputs, and a fifth of the cost.
    valueOfInformation: UNCERTAIN_INPUTS.map((key) => ({ input: key, label: LABELS[key], share: varianceShare(draws[key].subarray(0, VOI_TRIALS), draws.expectedLoss.subarray(0, VOI_TRIALS)) })).sort((x, y) => y.share - x.share),
    tornadoCentre: expectedLoss(base),
  };
}
