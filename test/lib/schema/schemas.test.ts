import { describe, expect, it } from "vitest";
import { z } from "zod";
import { device as fixtureDevice } from "../../support/fixtures.js";
import { Assumption, Catalog, Device, Install, RegulatoryEvent, Scenario, Timeline, validate, ValidationError } from "../../../src/lib/schema/index.js";

const device = fixtureDevice("dev-1", { businessUnit: "Finance", criticality: 2, dataSensitivity: "restricted" });

const event = {
  id: "KAS-2024-09-29-CUTOFF",
  programme: "kaspersky",
  date: "2024-09-29",
  datePrecision: "day",
  time: { local: "00:00", utcOffset: "-04:00", zone: "EDT" },
  jurisdiction: "US",
  authority: "Department of Commerce / BIS",
  instrument: "Final Determination ICTS-2021-002",
  citation: "89 FR 52434",
  title: "Updates and KSN prohibited",
  effect: "No signature or code updates.",
  appliesTo: ["us-persons"],
  kind: "binding-rule",
  confidence: "verified",
  sources: [{ url: "https://www.federalregister.gov/d/2024-13532" }],
};

describe("Device", () => {
  it("accepts a complete device and names each bad field of a broken one", () => {
    expect(Device.parse(device)).toEqual(device);
    const error = catchError(() => validate(Device, { ...device, country: "USA", criticality: 5, deviceType: "toaster" }, "devices.json"));
    expect(error.issues.join("\n")).toMatch(/^country:/m);
    expect(error.issues.join("\n")).toMatch(/^criticality:/m);
    expect(error.issues.join("\n")).toMatch(/^deviceType:/m);
    expect(error.message).toContain("devices.json is not valid");
  });
});

describe("Install", () => {
  it("needs evidence of where it was seen", () => {
    const install = { deviceId: "dev-1", vendor: "Kaspersky", product: "Kaspersky Endpoint Security for Windows", catalogId: "kes-windows", version: "12.1.0.506", installDate: null, signatureDate: "2024-09-27", evidence: [] };
    expect(Install.safeParse(install).success).toBe(false);
    expect(Install.safeParse({ ...install, evidence: [{ file: "a.csv", line: 2, format: "defender-tvm" }] }).success).toBe(true);
  });
});

describe("RegulatoryEvent", () => {
  it("accepts dates of day, month and year precision and rejects dates that do not exist", () => {
    expect(RegulatoryEvent.safeParse(event).success).toBe(true);
    expect(RegulatoryEvent.safeParse({ ...event, date: "2017-07", datePrecision: "month", time: null }).success).toBe(true);
    expect(RegulatoryEvent.safeParse({ ...event, date: "2024-02-30" }).success).toBe(false);
    expect(RegulatoryEvent.safeParse({ ...event, date: "2024-09", datePrecision: "day" }).success).toBe(false);
    expect(RegulatoryEvent.safeParse({ ...event, date: "2024-09", datePrecision: "month" }).success).toBe(false); // a time needs a day
  });

  it("names the file, the event and the field when an event has no source", () => {
    const timeline = { programme: "kaspersky", description: "", milestones: {}, events: [event, { ...event, id: "KAS-X", sources: [] }] };
    const error = catchError(() => validate(Timeline, timeline, "data/timelines/kaspersky.json"));
    expect(error.message).toContain("data/timelines/kaspersky.json");
    expect(error.issues).toEqual([expect.stringMatching(/^events\[1\]\.sources \(id "KAS-X"\): every event needs at least one source/)]);
  });

  it("rejects milestones that name a missing event, and duplicate ids", () => {
    const bad = Timeline.safeParse({ programme: "k", description: "", milestones: { updatesStopped: "NOPE" }, events: [event, event] });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join("\n");
    expect(messages).toMatch(/duplicate event id/);
    expect(messages).toMatch(/names event "NOPE"/);
  });
});

describe("Assumption", () => {
  const base = { id: "decay_half_life", label: "Detection half-life", unit: "days", confidence: "likely", sources: [{ url: "https://example.org/study" }] };
  it("takes a point or a low/likely/high range in order", () => {
    expect(Assumption.safeParse({ ...base, value: { kind: "point", value: 3 } }).success).toBe(true);
    expect(Assumption.safeParse({ ...base, value: { kind: "range", low: 1, likely: 2, high: 4 } }).success).toBe(true);
    expect(Assumption.safeParse({ ...base, value: { kind: "range", low: 5, likely: 2, high: 4 } }).success).toBe(false);
  });
  it("needs a source unless it says it is an assumption", () => {
    expect(Assumption.safeParse({ ...base, sources: [], value: { kind: "point", value: 3 } }).success).toBe(false);
    expect(Assumption.safeParse({ ...base, sources: [], confidence: "assumption", value: { kind: "point", value: 3 } }).success).toBe(true);
  });
});

describe("Catalog", () => {
  it("rejects a rule that is not a valid regular expression, and duplicate product ids", () => {
    const product = { id: "kes-windows", name: "KES", vendor: "Kaspersky", line: "business", platforms: ["windows"], coveredByUsProhibition: "yes", match: [{ field: "name", pattern: "^Kaspersky (" }], sources: [{ url: "https://example.org" }] };
    const result = Catalog.safeParse({ vendor: "Kaspersky", description: "", vendorTokens: ["kaspersky"], queryTerms: ["kaspersky"], products: [product, { ...product, match: [{ field: "name", pattern: "x" }] }] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages.some((m) => m.startsWith("products.0.match.0.pattern: not a valid regular expression"))).toBe(true);
    expect(messages.some((m) => m.includes('duplicate product id "kes-windows"'))).toBe(true);
  });
});

describe("Scenario", () => {
  it("holds a versioned set of inputs and refuses other versions", () => {
    const scenario = {
      schemaVersion: 3,
      id: "s1",
      name: "Rip and replace now",
      description: "",
      asOf: "2026-11-25",
      programme: "kaspersky",
      profile: { name: "Acme", usPerson: true, federalAgency: false, federalContractor: false, fccSubsidyRecipient: false, resellerMspOem: false, criticalInfrastructure: false, governmentSystems: false, countries: ["US"] },
      inventory: [{ file: "defender.csv" }],
      assumptions: [],
      deadlines: [{ id: "board", label: "Board deadline", date: "2027-03-31", kind: "internal" }],
      seed: 1,
      trials: 100_000,
      option: "defender-everywhere",
    };
    expect(Scenario.safeParse(scenario).success).toBe(true);
    expect(Scenario.safeParse({ ...scenario, schemaVersion: 1 }).success).toBe(false); // older versions go through parseScenario
    expect(Scenario.safeParse({ ...scenario, seed: -1 }).success).toBe(false);
  });
});

describe("validate", () => {
  it("returns the parsed value when it is valid", () => {
    expect(validate(z.object({ a: z.number() }), { a: 1 }, "x")).toEqual({ a: 1 });
  });
});

function catchError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}
