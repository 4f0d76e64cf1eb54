import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cyclonedx } from "../../../../src/lib/ingest/formats/cyclonedx.js";
import { spdx } from "../../../../src/lib/ingest/formats/spdx.js";
import type { FileResult } from "../../../../src/lib/ingest/types.js";
import type { Install } from "../../../../src/lib/schema/index.js";
import { readAll, readFixture, readInput } from "../../../support/ingest.js";

// The registry does not list the SBOM readers yet; detection is among these two.
const formats = [cyclonedx, spdx];

/** The 1-based line of a fixture that contains `needle`. */
function lineOf(file: string, needle: string): number {
  const line = readFileSync(resolve(file), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
  if (line === 0) throw new Error(`${needle} is not in ${file}`);
  return line;
}

/** What was matched, as a reader of the results would list it. */
function found(result: FileResult) {
  return result.software.map((m) => ({ product: m.product.id, name: m.observation.name, line: m.observation.origin.line, covered: m.product.coveredByUsProhibition }));
}

/** A CycloneDX 1.6 BOM for one device, pretty-printed as tools write it. */
function bom(components: unknown[]): string {
  const document = { bomFormat: "CycloneDX", specVersion: "1.6", serialNumber: "urn:uuid:00000000-0000-4000-8000-000000000001", version: 1, metadata: { component: { type: "device", name: "Edge Filter EF-10" } }, components };
  return JSON.stringify(document, null, 2);
}

describe("CycloneDX SBOMs", () => {
  const file = "test/fixtures/ingest/cyclonedx.json";
  const result = readFixture("cyclonedx.json", { formats });

  it("is detected and reads every component, nested ones and pedigree ancestors included", () => {
    expect(result.report.fatal).toBeNull();
    expect(result.report.format).toBe("cyclonedx");
    // The appliance itself, 8 listed components, 1 nested component, 1 pedigree ancestor.
    expect(result.report.rows).toBe(11);
    expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
  });

  it("rejects the component without a name, at the line where it starts", () => {
    expect(result.report.rejected).toBe(1);
    expect(result.report.errors).toEqual([{ line: lineOf(file, "\"bom-ref\": \"unnamed-blob\"") - 2, column: "name", message: "the component has no name" }]);
  });

  it("finds the direct Kaspersky SDK and the white-label engine known only by its pedigree, each at its own line", () => {
    const sdk = found(result).filter((m) => m.product === "kav-sdk");
    expect(sdk).toEqual([
      { product: "kav-sdk", name: "Kaspersky Scan Engine", line: lineOf(file, "\"name\": \"Kaspersky Scan Engine\""), covered: "yes" },
      { product: "kav-sdk", name: "Kaspersky Anti-Virus SDK", line: lineOf(file, "\"name\": \"Kaspersky Anti-Virus SDK\""), covered: "yes" },
    ]);
    const inventory = readAll([result]);
    expect(inventory.kaspersky).toMatchObject({ devices: 1, installs: 2 });
  });

  it("matches nothing else: not the rebranded engine itself, the signature bundle, or ordinary libraries", () => {
    expect(found(result).map((m) => m.name)).toEqual(["Kaspersky Scan Engine", "Kaspersky Anti-Virus SDK", "kaspresso"]);
  });

  it("lists Kaspresso, KasperskyLab's open-source UI-test framework, for triage but never as a covered product", () => {
    const kaspresso = found(result).filter((m) => m.name === "kaspresso");
    expect(kaspresso).toEqual([{ product: "kaspresso-dev-library", name: "kaspresso", line: lineOf(file, "\"name\": \"kaspresso\""), covered: "unclear" }]);
  });

  it("describes the appliance the BOM is about as one embedded device", () => {
    expect(result.devices).toHaveLength(1);
    expect(result.devices[0]).toMatchObject({ names: ["Veloway SG-220 Secure Web Gateway"], ids: ["cyclonedx:urn:uuid:9b1c3a0e-5f2d-4c7b-8e61-2a4f0d7c3b15"], deviceType: "appliance", osFamily: "embedded", osVersion: "5.4.0" });
    const [device] = readAll([result]).devices;
    expect(device).toMatchObject({ deviceType: "appliance", osFamily: "embedded" });
  });

  it("sees a Kaspersky credit in a component's copyright, but not a mere mention in its description", () => {
    const text = bom([
      { type: "library", name: "EF Threat Scanner", version: "2.0", supplier: { name: "Edge Filter Inc." }, copyright: "Copyright 2024 Edge Filter Inc.; scanning engine copyright (c) AO Kaspersky Lab" },
      { type: "library", name: "EF Signature Converter", version: "1.1", supplier: { name: "Edge Filter Inc." }, description: "Converts rules compatible with Kaspersky and ClamAV signature formats." },
      { type: "library", name: "EF Mail Scanner", version: "1.4", description: "Mail scanning powered by Kaspersky technology." },
    ]);
    const matches = found(readInput(text, { formats }));
    expect(matches.map((m) => [m.name, m.product])).toEqual([
      ["EF Threat Scanner", "kaspersky-other"],
      ["EF Mail Scanner", "kaspersky-other"],
    ]);
  });

  it("does not count an unrelated open-source library published by KasperskyLab as covered", () => {
    const text = bom([{ type: "library", supplier: { name: "KasperskyLab", url: ["https://github.com/KasperskyLab"] }, group: "@kaspersky", name: "hexa-ui", version: "2.4.0", licenses: [{ license: { id: "Apache-2.0" } }], purl: "pkg:npm/%40kaspersky/hexa-ui@2.4.0" }]);
    const result = readInput(text, { formats });
    expect(found(result).every((m) => m.covered !== "yes")).toBe(true);
    expect(readAll([result]).kaspersky.installs).toBe(0);
  });

  it("rejects a component that is not an object, at its line", () => {
    const text = bom([{ type: "library", name: "zlib", version: "1.3.1" }, "openssl 3.0.14"]);
    const result = readInput(text, { formats });
    expect(result.report).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(result.report.errors).toEqual([{ line: text.split("\n").findIndex((l) => l.includes("\"openssl 3.0.14\"")) + 1, column: null, message: "the component is not a JSON object" }]);
  });

  it("reads the sample mail gateway's SBOM as the ground truth records it", () => {
    const sample = readInput(readFileSync(resolve("data/sample/exports/mail-gateway.cdx.json")), { formats: [cyclonedx], file: "exports/mail-gateway.cdx.json" });
    const truth = (JSON.parse(readFileSync(resolve("data/sample/truth/installs.json"), "utf8")) as Install[]).find((i) => i.catalogId === "kav-sdk")!;
    expect(sample.report).toMatchObject({ format: "cyclonedx", rows: 6, accepted: 6, rejected: 0 });
    const sdk = sample.software.filter((m) => m.product.id === "kav-sdk");
    expect(sdk).toHaveLength(1);
    expect(sdk[0]!.observation.origin.line).toBe(truth.evidence[0]!.line);
    const install = readAll([sample]).installs.find((i) => i.catalogId === "kav-sdk")!;
    expect(install).toMatchObject({ product: truth.product, version: truth.version, evidence: truth.evidence });
  });
});

describe("SPDX SBOMs", () => {
  const file = "test/fixtures/ingest/spdx.json";
  const result = readFixture("spdx.json", { formats });

  it("is detected and reads every package as a row", () => {
    expect(result.report.fatal).toBeNull();
    expect(result.report.format).toBe("spdx");
    expect(result.report).toMatchObject({ rows: 6, accepted: 6, rejected: 0 });
  });

  it("finds the Kaspersky engine, and the rebranded scanner whose originator is Kaspersky, at their lines", () => {
    expect(found(result).filter((m) => m.name !== "com.kaspersky.android-components:kaspresso")).toEqual([
      { product: "kav-sdk", name: "kavsdk", line: lineOf(file, "\"name\": \"kavsdk\""), covered: "yes" },
      { product: "kaspersky-other", name: "mg-avscan", line: lineOf(file, "\"name\": \"mg-avscan\""), covered: "unclear" },
    ]);
    expect(readAll([result]).kaspersky).toMatchObject({ devices: 1, installs: 1 });
  });

  it("reads purls under the PACKAGE_MANAGER category and keeps Kaspresso out of the covered products", () => {
    const kaspresso = result.software.filter((m) => m.observation.name.endsWith(":kaspresso"));
    expect(kaspresso.map((m) => [m.product.id, m.product.coveredByUsProhibition, m.observation.purl])).toEqual([["kaspresso-dev-library", "unclear", "pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3"]]);
  });

  it("describes the firmware package the document describes as the device", () => {
    expect(result.devices).toHaveLength(1);
    expect(result.devices[0]).toMatchObject({ names: ["MailGuard MS-3000"], deviceType: "appliance", osFamily: "embedded", origin: { line: lineOf(file, "\"name\": \"MailGuard MS-3000\"") } });
  });

  it("reads SPDX 2.2 with documentDescribes, PACKAGE-MANAGER refs and CPEs, and rejects a package without a name", () => {
    const document = {
      spdxVersion: "SPDX-2.2",
      SPDXID: "SPDXRef-DOCUMENT",
      name: "edge-filter-ef10",
      documentNamespace: "https://example.com/spdx/ef10",
      documentDescribes: ["SPDXRef-ef10"],
      packages: [
        { SPDXID: "SPDXRef-ef10", name: "EF-10", versionInfo: "1.0", supplier: "Organization: Edge Filter Inc.", downloadLocation: "NOASSERTION" },
        { SPDXID: "SPDXRef-kaspresso", name: "kaspresso", versionInfo: "1.5.3", supplier: "Organization: KasperskyLab", externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: "pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3" }], downloadLocation: "NOASSERTION" },
        { SPDXID: "SPDXRef-kes", name: "endpoint security", versionInfo: "12.1", externalRefs: [{ referenceCategory: "SECURITY", referenceType: "cpe23Type", referenceLocator: "cpe:2.3:a:kaspersky:endpoint_security:12.1:*:*:*:*:*:*:*" }], downloadLocation: "NOASSERTION" },
        { SPDXID: "SPDXRef-nameless", versionInfo: "0.1", downloadLocation: "NOASSERTION" },
      ],
    };
    const text = JSON.stringify(document, null, 2);
    const result = readInput(text, { formats });
    expect(result.report).toMatchObject({ format: "spdx", rows: 4, accepted: 3, rejected: 1 });
    // The nameless package opens on the line before its SPDXID (0-based index of that line = 1-based line of the brace).
    const opens = text.split("\n").findIndex((l) => l.includes("\"SPDXRef-nameless\""));
    expect(result.report.errors).toEqual([{ line: opens, column: "name", message: "the package has no name" }]);
    expect(found(result).map((m) => [m.name, m.product])).toEqual([
      ["kaspresso", "kaspresso-dev-library"],
      ["endpoint security", "kes-windows"],
    ]);
    expect(result.devices[0]).toMatchObject({ names: ["EF-10"], ids: ["spdx:https://example.com/spdx/ef10"] });
  });
});
