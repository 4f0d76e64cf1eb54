import { describe, expect, it } from "vitest";
import { compileCatalog } from "../../../src/lib/catalog/match.js";
import { fleetRows } from "../../../src/lib/model/fleet.js";
import { headline } from "../../../src/lib/model/headline.js";
import { device, install, TINY_CATALOG } from "../../support/fixtures.js";

// Five devices, worked by hand:
//   a  Finance    KES (signatures 2024-09-27) + Network Agent   → Kaspersky, frozen
//   b  Finance    KES (signatures 2026-11-01, updated abroad)   → Kaspersky, not frozen
//   c  Logistics  Network Agent left behind, no signatures     → Kaspersky, not frozen (no date)
//   d  Logistics  Threat Intelligence only (not covered)        → not Kaspersky
//   e  Logistics  Kaspresso test library (coverage unclear)     → not Kaspersky
const devices = [device("a"), device("b"), device("c", { businessUnit: "Logistics" }), device("d", { businessUnit: "Logistics" }), device("e", { businessUnit: "Logistics" })];
const installs = [
  install("a", "kes-windows", { signatureDate: "2024-09-27" }),
  install("a", "network-agent"),
  install("b", "kes-windows", { signatureDate: "2026-11-01" }),
  install("c", "network-agent"),
  install("d", "threat-intelligence"),
  install("e", "kaspresso"),
  install("e", null),
];
const rows = fleetRows(devices, installs, compileCatalog(TINY_CATALOG));

describe("fleetRows", () => {
  it("keeps only products the US prohibition covers, once each, with the oldest signature date", () => {
    expect(rows.map((r) => [r.deviceId, r.coveredProducts, r.signatureDate])).toEqual([
      ["a", ["kes-windows", "network-agent"], "2024-09-27"],
      ["b", ["kes-windows"], "2026-11-01"],
      ["c", ["network-agent"], null],
      ["d", [], null],
      ["e", [], null],
    ]);
  });

  it("takes the oldest of several signature dates on one device", () => {
    const two = fleetRows([device("x")], [install("x", "kes-windows", { signatureDate: "2025-01-02" }), install("x", "kes-windows", { signatureDate: "2024-08-01", version: "11" })], compileCatalog(TINY_CATALOG));
    expect(two[0]!.signatureDate).toBe("2024-08-01");
  });
});

describe("headline", () => {
  const options = { asOf: "2025-09-29", updatesStopped: "2024-09-29", businessUnit: null };

  it("counts devices, Kaspersky devices, frozen ones and days since updates stopped", () => {
    expect(headline(rows, options)).toEqual({ devices: 5, kasperskyDevices: 3, kasperskyShare: 3 / 5, frozenDevices: 1, daysSinceUpdatesStopped: 365 });
  });

  it("narrows every count to one business unit", () => {
    expect(headline(rows, { ...options, businessUnit: "Logistics" })).toEqual({ devices: 3, kasperskyDevices: 1, kasperskyShare: 1 / 3, frozenDevices: 0, daysSinceUpdatesStopped: 365 });
  });

  it("gives zeros, not NaN, for an empty scope, and no negative days before the cutoff", () => {
    const figures = headline(rows, { asOf: "2024-07-01", updatesStopped: "2024-09-29", businessUnit: "Nobody" });
    expect(figures).toEqual({ devices: 0, kasperskyDevices: 0, kasperskyShare: 0, frozenDevices: 0, daysSinceUpdatesStopped: 0 });
  });

  it("counts a signature from the cutoff day itself as frozen", () => {
    const edge = fleetRows([device("z")], [install("z", "kes-windows", { signatureDate: "2024-09-29" })], compileCatalog(TINY_CATALOG));
    expect(headline(edge, options).frozenDevices).toBe(1);
  });
});
