import { describe, expect, it } from "vitest";
import { loadPresets, loadTimeline } from "../../../loaders/data/regulation.js";
import { continuedUseIsLawful, removalObligations } from "../../../src/lib/regulation/continued-use.js";
import { deadlinesFor } from "../../../src/lib/regulation/deadlines.js";
import { obligationsFor } from "../../../src/lib/regulation/obligations.js";

const timeline = await loadTimeline("kaspersky");
const presets = Object.fromEntries((await loadPresets()).map((p) => [p.id, p.profile]));
const summary = (id: string) => deadlinesFor(timeline, presets[id]!).map((d) => `${d.id} ${d.instant} ${d.kind}`);

// Worked by hand from data/timelines/kaspersky.json and the three profiles in data/profiles/.
describe("which deadlines each profile gets, and whether continued use is lawful", () => {
  it("a federal agency: BOD 17-01's removal milestone and §1634's effective date; continued use is not lawful", () => {
    // Not deadlines: the GSA delisting (procurement), the day BOD 17-01 was issued and its 30- and
    // 60-day reporting and planning steps, the NDAA's enactment (context), and, as a US person,
    // the BIS sales ban and update cutoff (they bind Kaspersky), OFAC and the Entity List (dealings).
    expect(summary("federal-agency")).toEqual(["KAS-2017-12-12-BOD90 2017-12-12T00:00:00.000Z regulatory", "KAS-2018-10-01-NDAA-EFF 2018-10-01T00:00:00.000Z regulatory"]);
    expect(continuedUseIsLawful(timeline, presets["federal-agency"]!)).toBe(false);
    expect(removalObligations(timeline, presets["federal-agency"]!).map((o) => `${o.eventId}:${o.citation}`)).toEqual(["KAS-2017-12-12-BOD90:BOD 17-01", "KAS-2018-10-01-NDAA-EFF:Pub. L. 115-91 §1634(b); 48 CFR 4.2002"]);
  });

  it("a private US company: no deadline; continued use is lawful (BIS bars Kaspersky's sales and updates, not use)", () => {
    expect(summary("private-us-company")).toEqual([]);
    expect(continuedUseIsLawful(timeline, presets["private-us-company"]!)).toBe(true);
    const rows = obligationsFor(timeline, presets["private-us-company"]!);
    expect(rows.filter((o) => o.eventId === "KAS-2024-07-20-NEWAGR" || o.eventId === "KAS-2024-09-29-CUTOFF").map((o) => `${o.eventId}:${o.class}:${o.deadline}`)).toEqual([
      "KAS-2024-07-20-NEWAGR:legal-prohibition:false",
      "KAS-2024-09-29-CUTOFF:technical:false",
    ]);
  });

  it("a German subsidiary: no deadline (the BSI warning is advice); continued use is lawful", () => {
    expect(summary("german-subsidiary")).toEqual([]);
    expect(continuedUseIsLawful(timeline, presets["german-subsidiary"]!)).toBe(true);
    expect(obligationsFor(timeline, presets["german-subsidiary"]!).filter((o) => o.class !== "context").map((o) => `${o.eventId}:${o.class}`)).toEqual(["KAS-2022-03-15-BSI:advisory"]);
  });

  it("the other presets: a federal contractor has the FAR clause's 1 October 2018, a reseller the 29 September 2024 cutoff; a subsidy recipient and the sample have none", () => {
    expect(summary("federal-contractor")).toEqual(["KAS-2018-10-01-NDAA-EFF 2018-10-01T00:00:00.000Z contractual"]);
    expect(continuedUseIsLawful(timeline, presets["federal-contractor"]!)).toBe(false);
    expect(summary("us-msp-reseller")).toEqual(["KAS-2024-09-29-CUTOFF 2024-09-29T04:00:00.000Z regulatory"]);
    expect(continuedUseIsLawful(timeline, presets["us-msp-reseller"]!)).toBe(false);
    expect(summary("fcc-subsidy-recipient")).toEqual([]);
    expect(continuedUseIsLawful(timeline, presets["fcc-subsidy-recipient"]!)).toBe(true);
    expect(summary("sample-organisation")).toEqual([]);
    expect(continuedUseIsLawful(timeline, presets["sample-organisation"]!)).toBe(true);
  });
});
