import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readValidated } from "../../loaders/data/read.js";
import { DATA_DIR } from "../../loaders/data/paths.js";
import { compileCatalog } from "../../src/lib/catalog/match.js";
import { eventInstant, milestone } from "../../src/lib/regulation/milestones.js";
import { AssumptionSet, Catalog, Install, Timeline } from "../../src/lib/schema/index.js";

const timelineFiles = readdirSync(join(DATA_DIR, "timelines")).filter((f) => f.endsWith(".json"));

describe("data files", () => {
  it("every timeline validates, and every event has a source", async () => {
    expect(timelineFiles).toEqual(expect.arrayContaining(["kaspersky.json", "huawei-zte.json", "dji.json", "tiktok.json", "tp-link.json"]));
    for (const file of timelineFiles) {
      const timeline = await readValidated(join(DATA_DIR, "timelines", file), Timeline);
      for (const event of timeline.events) expect(event.sources.length, event.id).toBeGreaterThan(0);
    }
  });

  it("the Kaspersky timeline pins the two BIS effective dates, the second at 00:00 EDT", async () => {
    const timeline = await readValidated(join(DATA_DIR, "timelines/kaspersky.json"), Timeline);
    const sales = milestone(timeline, "salesStopped");
    const updates = milestone(timeline, "updatesStopped");
    expect(sales.date).toBe("2024-07-20");
    expect(updates.date).toBe("2024-09-29");
    expect(updates.time).toEqual({ local: "00:00", utcOffset: "-04:00", zone: "EDT" });
    expect(eventInstant(updates).toISOString()).toBe("2024-09-29T04:00:00.000Z");
    expect(updates.citation).toContain("89 FR 52434");
  });

  it("the default assumptions validate, and each without a source says it is an assumption", async () => {
    const { assumptions } = await readValidated(join(DATA_DIR, "assumptions.json"), AssumptionSet);
    expect(assumptions.length).toBeGreaterThan(50);
    for (const a of assumptions) if (a.sources.length === 0) expect(a.confidence, a.id).toBe("assumption");
  });

  it("the Kaspersky catalog validates and carves threat intelligence and training out of the US prohibition", async () => {
    const catalog = compileCatalog(await readValidated(join(DATA_DIR, "catalogs/kaspersky.json"), Catalog));
    expect(catalog.byId("threat-intelligence")?.coveredByUsProhibition).toBe("no");
    expect(catalog.byId("security-training")?.coveredByUsProhibition).toBe("no");
    expect(catalog.byId("kes-windows")?.coveredByUsProhibition).toBe("yes");
    expect(catalog.match({ purl: "pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3" })?.coveredByUsProhibition).not.toBe("yes");
    expect(catalog.match({ name: "UltraAV", publisher: "Pango GP" })).toBeNull();
  });

  it("the catalog recognises every Kaspersky product name the sample organisation's exports carry", async () => {
    const catalog = compileCatalog(await readValidated(join(DATA_DIR, "catalogs/kaspersky.json"), Catalog));
    const installs = await readValidated(join(DATA_DIR, "sample/truth/installs.json"), z.array(Install));
    const pairs = new Map(installs.filter((i) => i.catalogId !== null).map((i) => [i.product, i.catalogId]));
    expect(pairs.size).toBeGreaterThan(8);
    for (const [product, catalogId] of pairs) {
      const found = catalog.match({ name: product }) ?? catalog.match({ package: product });
      expect(found?.id, product).toBe(catalogId);
    }
  });
});
