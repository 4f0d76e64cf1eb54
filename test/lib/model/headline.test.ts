import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCatalog } from "../../../src/lib/catalog/match.js";
import { fleetRows } from "../../../src/lib/model/fleet.js";
import { frozenRule, type FrozenRule } from "../../../src/lib/model/frozen.js";
import { headline } from "../../../src/lib/model/headline.js";
import { assumptionIndex } from "../../../src/lib/model/parameters.js";
import { AssumptionSet } from "../../../src/lib/schema/index.js";
import { device, install, TINY_CATALOG } from "../../support/fixtures.js";

// Six devices, worked by hand:
//   a  Finance    KES (signatures 2024-09-27) + Network Agent   → Kaspersky, frozen (by its date)
//   b  Finance    KES (signatures 2026-11-01, updated abroad)   → Kaspersky, not frozen
//   c  Logistics  Network Agent left behind, no signatures     → Kaspersky, not frozen (no protection)
//   d  Logistics  Threat Intelligence only (not covered)        → not Kaspersky
//   e  Logistics  Kaspresso test library (coverage unclear)     → not Kaspersky
//   f  Logistics  KES, no console gives a signature date        → Kaspersky, frozen by the rule for a US person
const devices = [device("a"), device("b"), device("c", { businessUnit: "Logistics" }), device("d", { businessUnit: "Logistics" }), device("e", { businessUnit: "Logistics" }), device("f", { businessUnit: "Logistics" })];
const installs = [
  install("a", "kes-windows", { signatureDate: "2024-09-27" }),
  install("a", "network-agent"),
  install("b", "kes-windows", { signatureDate: "2026-11-01" }),
  install("c", "network-agent"),
  install("d", "threat-intelligence"),
  install("e", "kaspresso"),
  install("e", null),
  install("f", "kes-windows"),
];
const rows = fleetRows(devices, installs, compileCatalog(TINY_CATALOG));

const usPerson: FrozenRule = { usPerson: true, assumeFrozen: true };
const other: FrozenRule = { usPerson: false, assumeFrozen: false };
const company = { federalAgency: false, federalContractor: false };

describe("fleetRows", () => {
  it("keeps only products the US prohibition covers, once each, with the oldest signature date", () => {
    expect(rows.map((r) => [r.deviceId, r.coveredProducts, r.signatureDate, r.coveredProtection])).toEqual([
      ["a", ["kes-windows", "network-agent"], "2024-09-27", true],
      ["b", ["kes-windows"], "2026-11-01", true],
      ["c", ["network-agent"], null, false],
      ["d", [], null, false],
      ["e", [], null, false],
      ["f", ["kes-windows"], null, true],
    ]);
  });

  it("takes the oldest of several signature dates on one device", () => {
    const two = fleetRows([device("x")], [install("x", "kes-windows", { signatureDate: "2025-01-02" }), install("x", "kes-windows", { signatureDate: "2024-08-01", version: "11" })], compileCatalog(TINY_CATALOG));
    expect(two[0]!.signatureDate).toBe("2024-08-01");
  });
});

describe("headline", () => {
  const options = { asOf: "2025-09-29", updatesStopped: "2024-09-29", businessUnit: null, rule: usPerson, profile: company };

  it("counts devices, Kaspersky devices, frozen ones (and those frozen by the rule) and days since updates stopped", () => {
    expect(headline(rows, options)).toEqual({ devices: 6, kasperskyDevices: 4, kasperskyShare: 4 / 6, frozenDevices: 2, assumedFrozen: 1, violations: 0, daysSinceUpdatesStopped: 365 });
  });

  it("takes a device with no signature date as frozen only under the rule for its organisation", () => {
    // The defaults: a US person's such devices are frozen (the prohibition reaches its branches abroad), anyone else's are not.
    const defaults = assumptionIndex(AssumptionSet.parse(JSON.parse(readFileSync("data/assumptions.json", "utf8"))).assumptions);
    expect(frozenRule({ usPerson: true }, defaults)).toEqual(usPerson);
    expect(frozenRule({ usPerson: false }, defaults)).toEqual(other);
    expect(headline(rows, { ...options, rule: other })).toMatchObject({ frozenDevices: 1, assumedFrozen: 0 });
  });

  it("counts every Kaspersky device as a violation for a federal contractor, none for others", () => {
    expect(headline(rows, { ...options, profile: { federalAgency: false, federalContractor: true } }).violations).toBe(4);
    expect(headline(rows, { ...options, profile: { federalAgency: true, federalContractor: false } }).violations).toBe(4);
  });

  it("narrows every count to one business unit", () => {
    expect(headline(rows, { ...options, businessUnit: "Logistics" })).toEqual({ devices: 4, kasperskyDevices: 2, kasperskyShare: 2 / 4, frozenDevices: 1, assumedFrozen: 1, violations: 0, daysSinceUpdatesStopped: 365 });
  });

  it("gives zeros, not NaN, for an empty scope, and no negative days before the cutoff", () => {
    const figures = headline(rows, { ...options, asOf: "2024-07-01", businessUnit: "Nobody" });
    expect(figures).toEqual({ devices: 0, kasperskyDevices: 0, kasperskyShare: 0, frozenDevices: 0, assumedFrozen: 0, violations: 0, daysSinceUpdatesStopped: 0 });
  });

  it("counts a signature from the cutoff day itself as frozen, and one a day later as not", () => {
    const edge = fleetRows([device("z"), device("y")], [install("z", "kes-windows", { signatureDate: "2024-09-29" }), install("y", "kes-windows", { signatureDate: "2024-09-30" })], compileCatalog(TINY_CATALOG));
    expect(headline(edge, options)).toMatchObject({ frozenDevices: 1, assumedFrozen: 0 });
  });
});
