import { describe, expect, it } from "vitest";
import { loadPresets, loadTimeline } from "../../../loaders/data/regulation.js";
import { operatesIn } from "../../../src/lib/regulation/applicability.js";
import { deadlinesFor } from "../../../src/lib/regulation/deadlines.js";
import { defaultClass, obligationsFor } from "../../../src/lib/regulation/obligations.js";
import type { OrgProfile, RegulatoryEvent } from "../../../src/lib/schema/index.js";

const timeline = await loadTimeline("kaspersky");
const presets = Object.fromEntries((await loadPresets()).map((p) => [p.id, p.profile]));
const base: OrgProfile = { name: "x", usPerson: false, federalAgency: false, federalContractor: false, fccSubsidyRecipient: false, resellerMspOem: false, criticalInfrastructure: false, governmentSystems: false, countries: [] };
const classes = (profile: OrgProfile) => obligationsFor(timeline, profile).map((o) => `${o.eventId}:${o.class}`);

describe("operatesIn", () => {
  it("reaches the US through US-person status, the EU through any member state, and INTL everywhere", () => {
    expect(operatesIn({ ...base, usPerson: true }, "US")).toBe(true);
    expect(operatesIn({ ...base, countries: ["US"] }, "US")).toBe(true);
    expect(operatesIn({ ...base, countries: ["DE"] }, "US")).toBe(false);
    expect(operatesIn({ ...base, countries: ["DE"] }, "EU")).toBe(true);
    expect(operatesIn({ ...base, countries: ["GB"] }, "EU")).toBe(false);
    expect(operatesIn(base, "INTL")).toBe(true);
  });
});

describe("obligationsFor: different organisations, different obligations", () => {
  it("a private US company: the update cutoff is technical (use is not penalised); no new agreements binds Kaspersky, and neither is a deadline", () => {
    const rows = obligationsFor(timeline, presets["private-us-company"]!);
    const cutoff = rows.find((o) => o.eventId === "KAS-2024-09-29-CUTOFF")!;
    expect(cutoff.class).toBe("technical");
    expect(cutoff.deadline).toBe(false);
    expect(cutoff.effect).toMatch(/not penalised/);
    expect(cutoff.instant).toBe("2024-09-29T04:00:00.000Z");
    const sales = rows.find((o) => o.eventId === "KAS-2024-07-20-NEWAGR")!;
    expect(sales.class).toBe("legal-prohibition");
    expect(sales.deadline).toBe(false);
    expect(sales.effect).toMatch(/not a removal deadline/);
    expect(rows.some((o) => o.class === "contractual")).toBe(false);
    expect(rows.some((o) => o.jurisdiction !== "US")).toBe(false);
    expect(deadlinesFor(timeline, presets["private-us-company"]!)).toEqual([]);
  });

  it("a federal contractor: FAR 52.204-23 and §1634 reach its deliverables; the clause's removal date, 1 October 2018, is its one deadline", () => {
    const rows = obligationsFor(timeline, presets["federal-contractor"]!);
    expect(classes(presets["federal-contractor"]!)).toEqual(expect.arrayContaining(["KAS-2018-07-16-FAR-EFF:contractual", "KAS-2018-10-01-NDAA-EFF:contractual", "KAS-2023-12-04-FAR-AMEND:contractual"]));
    expect(rows.find((o) => o.eventId === "KAS-2023-12-04-FAR-AMEND")!.effect).toMatch(/3 business days/);
    expect(rows.find((o) => o.eventId === "KAS-2018-07-16-FAR-EFF")!.deadline).toBe(false);
    const deadlines = deadlinesFor(timeline, presets["federal-contractor"]!);
    expect(deadlines.map((d) => `${d.date} ${d.kind}`)).toEqual(["2018-10-01 contractual"]);
  });

  it("a German subsidiary with no US presence: only the BSI's advice applies, no US rule", () => {
    const rows = obligationsFor(timeline, presets["german-subsidiary"]!);
    expect(rows.filter((o) => o.class !== "context").map((o) => `${o.eventId}:${o.class}`)).toEqual(["KAS-2022-03-15-BSI:advisory"]);
    expect(deadlinesFor(timeline, presets["german-subsidiary"]!)).toEqual([]);
  });

  it("a federal agency is barred by law from 1 October 2018, threat intelligence included", () => {
    const ndaa = obligationsFor(timeline, presets["federal-agency"]!).find((o) => o.eventId === "KAS-2018-10-01-NDAA-EFF")!;
    expect(ndaa.class).toBe("legal-prohibition");
    expect(ndaa.effect).toMatch(/threat intelligence and training included/);
  });

  it("a US reseller or MSP: resale and integration are prohibited from the cutoff, a legal deadline", () => {
    const cutoff = obligationsFor(timeline, presets["us-msp-reseller"]!).filter((o) => o.eventId === "KAS-2024-09-29-CUTOFF");
    expect(cutoff.map((o) => `${o.audience}:${o.class}`).sort()).toEqual(["resellers-msp-oem:legal-prohibition", "us-persons:technical"]);
    expect(deadlinesFor(timeline, presets["us-msp-reseller"]!).map((d) => d.date)).toContain("2024-09-29");
  });

  it("an FCC subsidy recipient may not spend subsidies on Kaspersky from 25 March 2022, which restricts the subsidy, not use", () => {
    expect(classes(presets["fcc-subsidy-recipient"]!)).toContain("KAS-2022-03-25-FCC:legal-prohibition");
    expect(deadlinesFor(timeline, presets["fcc-subsidy-recipient"]!)).toEqual([]);
  });

  it("government systems abroad meet the binding national measures only where the organisation operates", () => {
    const au = { ...base, governmentSystems: true, countries: ["AU"] };
    expect(obligationsFor(timeline, au).map((o) => o.eventId)).toEqual(["KAS-2025-02-21-AU", "KAS-2025-04-01-AU-DEADLINE"]);
    expect(obligationsFor(timeline, { ...au, governmentSystems: false })).toEqual([]);
  });

  it("adds the organisation's own deadlines, in the order they fall due", () => {
    const own = [{ id: "board", label: "Board deadline", date: "2018-01-31", kind: "internal" as const }];
    expect(deadlinesFor(timeline, presets["federal-agency"]!, own).map((d) => d.id)).toEqual(["KAS-2017-12-12-BOD90", "board", "KAS-2018-10-01-NDAA-EFF"]);
    expect(deadlinesFor(timeline, presets["private-us-company"]!, own).map((d) => d.id)).toEqual(["board"]);
  });

  it("orders by instant: a regulatory deadline at 00:00 UTC comes before an own deadline that runs to the end of the same day", () => {
    const own = [{ id: "same-day", label: "Same day", date: "2018-10-01", kind: "contractual" as const }];
    expect(deadlinesFor(timeline, presets["federal-agency"]!, own).map((d) => d.id)).toEqual(["KAS-2017-12-12-BOD90", "KAS-2018-10-01-NDAA-EFF", "same-day"]);
  });
});

describe("defaultClass", () => {
  const event = (kind: RegulatoryEvent["kind"]) => ({ kind }) as RegulatoryEvent;
  it("reads guidance as advice, vendor actions as technical, contractor rules as contractual, and the vendor's own events as context", () => {
    expect(defaultClass(event("guidance"), "all-users")).toBe("advisory");
    expect(defaultClass(event("vendor-action"), "us-persons")).toBe("technical");
    expect(defaultClass(event("binding-rule"), "federal-contractors")).toBe("contractual");
    expect(defaultClass(event("directive"), "government-systems")).toBe("legal-prohibition");
    expect(defaultClass(event("sanction"), "vendor")).toBe("context");
  });
});
