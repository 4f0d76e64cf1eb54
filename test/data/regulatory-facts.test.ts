import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTimeline } from "../../loaders/data/regulation.js";
import { eventInstant } from "../../src/lib/regulation/milestones.js";
import { obligationsFor } from "../../src/lib/regulation/obligations.js";
import type { OrgProfile } from "../../src/lib/schema/index.js";

// Pins the dates the workbook states to boards against the researched reference (regulatory.md).
const kaspersky = await loadTimeline("kaspersky");
const byId = new Map(kaspersky.events.map((e) => [e.id, e]));

describe("the Kaspersky timeline", () => {
  it.each([
    ["KAS-2017-09-13-BOD", "2017-09-13"], ["KAS-2017-10-13-BOD30", "2017-10-13"], ["KAS-2017-11-12-BOD60", "2017-11-12"], ["KAS-2017-12-12-BOD90", "2017-12-12"],
    ["KAS-2017-12-12-NDAA", "2017-12-12"], ["KAS-2018-10-01-NDAA-EFF", "2018-10-01"], ["KAS-2018-07-16-FAR-EFF", "2018-07-16"], ["KAS-2023-12-04-FAR-AMEND", "2023-12-04"],
    ["KAS-2022-03-25-FCC", "2022-03-25"], ["KAS-2024-06-21-OFAC", "2024-06-21"], ["KAS-2024-06-24-EL", "2024-06-24"], ["KAS-2024-06-24-FD-FR", "2024-06-24"],
    ["KAS-2024-07-20-NEWAGR", "2024-07-20"], ["KAS-2024-09-29-CUTOFF", "2024-09-29"], ["KAS-2024-07-15-EXIT", "2024-07-15"], ["KAS-2024-09-19-ULTRAAV", "2024-09-19"],
    ["KAS-2022-03-15-BSI", "2022-03-15"], ["KAS-2017-12-01-NCSC", "2017-12-01"], ["KAS-2017-12-20-LT", "2017-12-20"], ["KAS-2018-05-14-NL", "2018-05-14"],
    ["KAS-2022-03-21-IT", "2022-03-21"], ["KAS-2023-10-30-CA", "2023-10-30"], ["KAS-2025-02-21-AU", "2025-02-21"], ["KAS-2025-04-01-AU-DEADLINE", "2025-04-01"],
    ["KAS-2018-06-13-EP", "2018-06-13"],
  ])("%s is dated %s", (id, date) => {
    expect(byId.get(id)?.date).toBe(date);
  });

  it("puts the update cutoff at 00:00 EDT on 29 September 2024 (04:00 UTC), not the 30th", () => {
    const cutoff = byId.get("KAS-2024-09-29-CUTOFF")!;
    expect(cutoff.time).toEqual({ local: "00:00", utcOffset: "-04:00", zone: "EDT" });
    expect(eventInstant(cutoff).toISOString()).toBe("2024-09-29T04:00:00.000Z");
    expect(cutoff.citation).toContain("89 FR 52434");
  });

  it("covers every jurisdiction with a measure, and cites a source for every event", () => {
    expect([...new Set(kaspersky.events.map((e) => e.jurisdiction))].sort()).toEqual(["AU", "CA", "DE", "EU", "GB", "IT", "LT", "NL", "US"]);
    for (const e of kaspersky.events) expect(e.sources[0]!.url, e.id).toMatch(/^https?:\/\//);
  });

  it("says the Final Determination does not cover threat intelligence or training, and that §1634 does", () => {
    expect(kaspersky.nuances!.some((n) => /carved out of the BIS rule, but not out of §1634/.test(n.text))).toBe(true);
  });

  it("reads the Italian date as 'likely', the way the research found it", () => {
    expect(byId.get("KAS-2022-03-21-IT")!.confidence).toBe("likely");
  });
});

describe("which Kaspersky obligations are deadlines", () => {
  // Every audience, every country with a measure: all the (event, audience) rows there are.
  const everyone: OrgProfile = { name: "everyone", usPerson: true, federalAgency: true, federalContractor: true, fccSubsidyRecipient: true, resellerMspOem: true, criticalInfrastructure: true, governmentSystems: true, countries: ["US", "DE", "GB", "LT", "NL", "IT", "CA", "AU"] };
  const rows = obligationsFor(kaspersky, everyone);

  it("only obligations that require removal by a date, each listed here on purpose", () => {
    expect(rows.filter((o) => o.deadline).map((o) => `${o.eventId} ${o.audience} ${o.class}`)).toEqual([
      "KAS-2017-12-12-BOD90 federal-agencies legal-prohibition", // BOD 17-01: begin removal at 90 days
      "KAS-2017-12-20-LT government-systems legal-prohibition", // replace "in the near term", no later date
      "KAS-2017-12-20-LT critical-infrastructure legal-prohibition",
      "KAS-2018-05-14-NL government-systems legal-prohibition", // national government phases out, no end date
      "KAS-2018-10-01-NDAA-EFF federal-agencies legal-prohibition", // §1634 in force
      "KAS-2018-10-01-NDAA-EFF federal-contractors contractual", // FAR 52.204-23(b): on or after 1 October 2018
      "KAS-2022-03-21-IT government-systems legal-prohibition", // public administrations diversify promptly
      "KAS-2023-10-30-CA government-systems legal-prohibition", // removed from government mobile devices
      "KAS-2024-09-29-CUTOFF resellers-msp-oem legal-prohibition", // no resale or integration from 00:00 EDT
      "KAS-2025-04-01-AU-DEADLINE government-systems legal-prohibition", // PSPF Direction 002-2025 removal date
    ]);
  });

  it("never for US persons as such: BIS prohibits Kaspersky's sales and updates, not continued use", () => {
    const us = rows.filter((o) => o.audience === "us-persons");
    expect(us.length).toBeGreaterThan(5);
    for (const o of us) expect(o.deadline, o.eventId).toBe(false);
    expect(us.find((o) => o.eventId === "KAS-2024-07-20-NEWAGR")!.class).toBe("legal-prohibition");
    expect(us.find((o) => o.eventId === "KAS-2024-09-29-CUTOFF")!.class).toBe("technical");
  });

  it("not the GSA delisting, the day BOD 17-01 was issued, its reporting and planning steps, or the FAR clause's effective date", () => {
    const notDeadlines = ["KAS-2017-07-GSA", "KAS-2017-09-13-BOD", "KAS-2017-10-13-BOD30", "KAS-2017-11-12-BOD60", "KAS-2018-07-16-FAR-EFF", "KAS-2022-03-25-FCC", "KAS-2025-02-21-AU"];
    for (const id of notDeadlines) {
      const found = rows.filter((o) => o.eventId === id);
      expect(found.length, id).toBeGreaterThan(0);
      for (const o of found) expect(o.deadline, `${id} ${o.audience}`).toBe(false);
    }
  });
});

describe("other programmes", () => {
  it("have deadlines only where something must stop or be removed by a date: TikTok's effective date for app stores and hosts", async () => {
    const everyone: OrgProfile = { name: "everyone", usPerson: true, federalAgency: true, federalContractor: true, fccSubsidyRecipient: true, resellerMspOem: true, criticalInfrastructure: true, governmentSystems: true, countries: ["US"] };
    const deadlines: string[] = [];
    for (const programme of ["huawei-zte", "dji", "tiktok", "tp-link", "icts-framework"]) {
      for (const o of obligationsFor(await loadTimeline(programme), everyone)) if (o.deadline) deadlines.push(`${o.eventId} ${o.audience}`);
    }
    expect(deadlines).toEqual(["TT-2025-01-19-EFFECT resellers-msp-oem"]);
  });

  it("are separate files in the same schema", async () => {
    const files = readdirSync("data/timelines").map((f) => f.replace(/\.json$/, ""));
    for (const programme of ["huawei-zte", "dji", "tiktok", "tp-link"]) {
      expect(files).toContain(programme);
      const t = await loadTimeline(programme);
      expect(t.events.every((e) => e.programme === t.programme)).toBe(true);
    }
  });
});
