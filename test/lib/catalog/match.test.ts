import { describe, expect, it } from "vitest";
import { compileCatalog } from "../../../src/lib/catalog/match.js";
import { TINY_CATALOG } from "../../support/fixtures.js";

describe("compileCatalog(...).match", () => {
  const catalog = compileCatalog(TINY_CATALOG);

  it("finds the first product whose rule matches the field it names, ignoring case", () => {
    expect(catalog.match({ name: "kaspersky endpoint security 12.1 for windows" })?.id).toBe("kes-windows");
    expect(catalog.match({ package: "klnagent64" })?.id).toBe("network-agent");
    // A package rule does not look at names, and a name rule does not look at packages.
    expect(catalog.match({ name: "klnagent64" })).toBeNull();
  });

  it("prefers specific products to the catch-all, in catalog order", () => {
    expect(catalog.match({ name: "Kaspersky Security Center Network Agent", publisher: "AO Kaspersky Lab" })?.id).toBe("network-agent");
    expect(catalog.match({ name: "Some Kaspersky tool", publisher: "AO Kaspersky Lab" })?.id).toBe("kaspersky-other");
  });

  it("matches nothing for other vendors and empty fields", () => {
    expect(catalog.match({ name: "Microsoft Defender", publisher: "Microsoft Corporation" })).toBeNull();
    expect(catalog.match({ name: "", publisher: "" })).toBeNull();
  });

  it("looks products up by id", () => {
    expect(catalog.byId("threat-intelligence")?.coveredByUsProhibition).toBe("no");
    expect(catalog.byId("nope")).toBeUndefined();
  });
});
