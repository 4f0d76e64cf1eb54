import { describe, expect, it } from "vitest";
import { lognormalFrom90, mean, point } from "../../../src/lib/engine/distributions.js";
import { decayMultiplier } from "../../../src/lib/model/decay.js";
import { deviceExposure, deviceWeight, exposureProfile, fleetMultiplier, type DeviceWeights } from "../../../src/lib/model/exposure.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import type { FrozenRule } from "../../../src/lib/model/frozen.js";
import { lossSampler, simulateLoss } from "../../../src/lib/model/loss.js";
import { tornado, varianceShare } from "../../../src/lib/model/sensitivity.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import type { OrgProfile } from "../../../src/lib/schema/index.js";

const weights: DeviceWeights = { criticality: { 1: 3, 2: 2, 3: 1, 4: 0.5 }, internetFacing: 2, sensitivity: { public: 0.5, internal: 1, confidential: 1.5, restricted: 2 } };
const profile: OrgProfile = { name: "t", usPerson: true, federalAgency: false, federalContractor: false, fccSubsidyRecipient: false, resellerMspOem: false, criticalInfrastructure: false, governmentSystems: false, countries: ["US"] };
// A US person's devices with no signature date are taken as frozen (frozen_rule_us_person_devices = 1); anyone else's are not.
const usPerson: FrozenRule = { usPerson: true, assumeFrozen: true };
const other: FrozenRule = { usPerson: false, assumeFrozen: false };
const row = (id: string, o: Partial<FleetRow> = {}): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: "2024-09-27", coveredProtection: true, ...o });

describe("decayMultiplier", () => {
  it("starts at the cloud-loss step and tends to the stale-protection multiplier", () => {
    const p = { mInf: 3.7, mKsn: 1.5, tau: 14 };
    expect(decayMultiplier(0, p)).toBe(1.5);
    // 1.5 + 2.2·(1 − e^−1) = 1.5 + 2.2·0.6321206 = 2.8906653
    expect(decayMultiplier(14, p)).toBeCloseTo(2.8906653, 6);
    expect(decayMultiplier(10_000, p)).toBeCloseTo(3.7, 12);
    expect(decayMultiplier(-5, p)).toBe(1.5);
  });
});

describe("deviceExposure", () => {
  const rows = [
    row("a"), // frozen since 27 Sep 2024
    row("b", { signatureDate: "2026-11-20", country: "DE" }), // still updating abroad
    row("c", { signatureDate: null }), // no console date: frozen from the cutoff, by the rule
    row("d", { coveredProtection: false, coveredProducts: ["network-agent"], signatureDate: null }), // agent left behind
    row("e", { coveredProducts: [], coveredProtection: false, signatureDate: null, criticality: 1, internetFacing: true, dataSensitivity: "restricted" }),
  ];
  const options = { asOf: "2025-09-29", updatesStopped: "2024-09-29", weights, profile, rule: usPerson };

  it("marks frozen protection and counts days from its last update, or from the cutoff", () => {
    expect(deviceExposure(rows, options).map((e) => [e.deviceId, e.frozen, e.assumed, e.daysFrozen])).toEqual([
      ["a", true, false, 367],
      ["b", false, false, null],
      ["c", true, true, 365],
      ["d", false, false, null],
      ["e", false, false, null],
    ]);
  });

  it("leaves a device with no signature date unfrozen where the rule says so, and still counts a dated one", () => {
    expect(deviceExposure(rows, { ...options, profile: { ...profile, usPerson: false }, rule: other }).map((e) => [e.deviceId, e.frozen, e.daysFrozen])).toEqual([
      ["a", true, 367],
      ["b", false, null],
      ["c", false, null],
      ["d", false, null],
      ["e", false, null],
    ]);
    const p = exposureProfile(deviceExposure(rows, options));
    expect([p.frozenDevices, p.assumedFrozen]).toEqual([2, 1]);
  });

  it("weighs criticality, internet exposure and data sensitivity together", () => {
    expect(deviceWeight(rows[4]!, weights)).toBe(3 * 2 * 2);
    expect(deviceWeight(rows[0]!, weights)).toBe(1);
  });

  it("calls a covered device a violation for a federal contractor, a risk for others", () => {
    expect(deviceExposure(rows, options).map((e) => e.compliance)).toEqual(["risk", "risk", "risk", "risk", "none"]);
    expect(deviceExposure(rows, { ...options, profile: { ...profile, federalContractor: true } }).map((e) => e.compliance)).toEqual(["violation", "violation", "violation", "violation", "none"]);
  });

  it("reduces to weight by days frozen, and the closed-form multiplier equals the general one", () => {
    const p = exposureProfile(deviceExposure(rows, options));
    // Weights: a, b, c, d are 1 each; e is 3 (tier 1) × 2 (internet-facing) × 2 (restricted) = 12.
    expect([p.totalWeight, p.unfrozenWeight, [...p.days], [...p.weightAtDays]]).toEqual([16, 14, [365, 367], [1, 1]]);
    // The loss sampler's closed form over the year equals the general multiplier, aged week by week (mid-week).
    const fleet = { totalWeight: p.totalWeight, unfrozenWeight: p.unfrozenWeight, groups: [{ frozenWeight: 2, frozenDevices: 2, days: p.days, weightAtDays: p.weightAtDays }] };
    for (const tau of [3, 14, 60, 400]) {
      const inputs = { lefBase: point(1), s: point(1), mInf: point(3.7), mKsn: point(1.5), tau: point(tau), lossMagnitude: point(1) };
      let general = 0;
      for (let j = 0; j < 52; j++) general += fleetMultiplier(p, (d) => decayMultiplier(d, { mInf: 3.7, mKsn: 1.5, tau }), 1, 7 * (j + 0.5)) / 52;
      expect(lossSampler(fleet, inputs, 1).at(0, null).multiplierYear).toBeCloseTo(general, 12);
    }
    // Hand: (14 + 2·3.7) / 16 = 1.3375 once decay is complete.
    expect(lossSampler(fleet, { lefBase: point(1), s: point(1), mInf: point(3.7), mKsn: point(1.5), tau: point(3), lossMagnitude: point(1) }, 1).at(0, null).multiplierYear).toBeCloseTo(21.4 / 16, 12);
    // Half the frozen weight replaced: (14 + 1 + 1·3.7) / 16.
    expect(fleetMultiplier(p, () => 3.7, 0.5)).toBeCloseTo(18.7 / 16, 12);
  });
});

describe("simulateLoss", () => {
  const rows = [row("a"), row("b", { coveredProducts: [], coveredProtection: false, signatureDate: null })];
  const exposure = exposureProfile(deviceExposure(rows, { asOf: "2026-09-29", updatesStopped: "2024-09-29", weights, profile, rule: usPerson }));
  // Points everywhere: E = (1 + 3)/2 = 2 (decay complete); LEF = 0.5·((1 − 0.4) + 0.4·2) = 0.7.
  const inputs = { lefBase: point(0.5), s: point(0.4), mInf: point(3), mKsn: point(1.5), tau: point(1), lossMagnitude: lognormalFrom90(1e5, 1e7) };

  it("with point inputs gives the closed form: expected loss = LEF × mean magnitude, excess exactly", () => {
    const r = simulateLoss(exposure, inputs, { trials: 200_000, seed: 3, riskTolerance: 0 });
    const em = mean(inputs.lossMagnitude);
    expect(r.multiplierAtLikely).toBeCloseTo(2, 10);
    expect(Math.abs(r.expectedAnnualLoss.value - 0.7 * em)).toBeLessThan(5 * r.expectedAnnualLoss.standardError);
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    expect(relative(r.excessAnnualLoss.mean, (0.7 - 0.5) * em)).toBeLessThan(1e-9);
    expect(r.excessAnnualLoss.sd / r.excessAnnualLoss.mean).toBeLessThan(1e-9);
    expect(relative(r.costOfDelayPerWeek.mean, ((0.7 - 0.5) * em) / 52)).toBeLessThan(1e-9);
    // P(any loss event) = 1 − e^−0.7 = 0.50341.
    expect(Math.abs(r.tolerance!.probability - (1 - Math.exp(-0.7)))).toBeLessThan(5 * r.tolerance!.standardError);
  });

  it("ages the frozen fleet week by week over the coming year, so the year costs more than today's exposure", () => {
    // One device frozen on the as-of date, one clean: E(t) = (1 + M(t)) / 2 with M(t) = 1.5 + 1.5·(1 − e^(−t/60)),
    // t at mid-week (3.5 + 7j days, j = 0…51). Today E = 1.25; over the year, in closed form (a geometric sum):
    // mean E = 1 + (3 − 1.5·e^(−3.5/60)·(1 − e^(−364/60)) / (52·(1 − e^(−7/60))) − 1) / 2.
    const fresh = exposureProfile(deviceExposure([row("a", { signatureDate: "2024-09-29" }), rows[1]!], { asOf: "2024-09-29", updatesStopped: "2024-09-29", weights, profile, rule: usPerson }));
    const slow = { ...inputs, tau: point(60) };
    const r = simulateLoss(fresh, slow, { trials: 1000, seed: 4 });
    const meanM = 3 - (1.5 * Math.exp(-3.5 / 60) * (1 - Math.exp(-364 / 60))) / (52 * (1 - Math.exp(-7 / 60)));
    const meanE = 1 + (meanM - 1) / 2;
    expect(r.multiplierAtLikely).toBeCloseTo(1.25, 12);
    expect(meanE).toBeCloseTo(1.87673, 5); // most of the decay happens within the year
    const em = mean(slow.lossMagnitude);
    // Excess a year = LEF_base · s · (mean E − 1) · E[magnitude], exactly with point inputs.
    expect(Math.abs(r.excessAnnualLoss.mean - 0.5 * 0.4 * (meanE - 1) * em) / r.excessAnnualLoss.mean).toBeLessThan(1e-9);
    // Three and a half times what today's multiplier alone would give.
    expect(r.excessAnnualLoss.mean / (0.5 * 0.4 * (1.25 - 1) * em)).toBeCloseTo(0.87673 / 0.25, 4);
  });

  it("is reproducible: the same seed gives the same figures, another seed other draws", () => {
    const a = simulateLoss(exposure, inputs, { trials: 10_000, seed: 9, riskTolerance: 1e6 });
    const b = simulateLoss(exposure, inputs, { trials: 10_000, seed: 9, riskTolerance: 1e6 });
    const c = simulateLoss(exposure, inputs, { trials: 10_000, seed: 10, riskTolerance: 1e6 });
    expect(b.annualLoss).toEqual(a.annualLoss);
    expect(b.tolerance).toEqual(a.tolerance);
    expect(c.annualLoss.mean).not.toBe(a.annualLoss.mean);
  });

  it("refuses a trial count that is not a positive whole number", () => {
    expect(() => simulateLoss(exposure, inputs, { trials: 0, seed: 1 })).toThrow(RangeError);
  });
});

describe("sensitivity", () => {
  it("tornado swings each input alone and sorts widest first", () => {
    const bars = tornado(
      [
        { key: "a", label: "A", likely: 2, low: 1, high: 4 },
        { key: "b", label: "B", likely: 10, low: 9, high: 11 },
      ],
      (v) => v.a * 10 + v.b,
    );
    expect(bars.map((b) => [b.input, b.outputAtLow, b.outputAtHigh, b.swing])).toEqual([
      ["a", 20, 50, 30],
      ["b", 29, 31, 2],
    ]);
  });

  it("varianceShare recovers var(x) / var(y) for y = x + independent noise", () => {
    const random = randomSource(5);
    const n = 100_000;
    const x = Float64Array.from({ length: n }, () => random());
    const z = Float64Array.from({ length: n }, () => random() * 2);
    const y = x.map((v, i) => v + z[i]!);
    // var(x) = 1/12, var(z) = 4/12: share 0.2 (binning into 20 loses about 1/400 of it).
    expect(varianceShare(x, y)).toBeCloseTo(0.2, 1);
    expect(varianceShare(z, y)).toBeCloseTo(0.8, 1);
    expect(varianceShare(x, Float64Array.from({ length: n }, () => 1))).toBe(0);
  });
});
