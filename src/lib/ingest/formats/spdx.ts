import { accepted, rejected, type DeviceObservation, type RowOutcome, type SoftwareObservation } from "../types.js";
import { coordinates, creditedPublisher, isObject, jsonPlaces, rowLine, text, withDevice } from "./sbom-json.js";
import { FormatError, type JsonDocumentFormat, type ReaderContext } from "./format.js";

type Json = Record<string, unknown>;
type DeviceRef = SoftwareObservation["device"];

/**
 * SPDX 2.2 and 2.3 JSON documents. Every package is a row. The device is the package the
 * document describes (`documentDescribes`, or a DESCRIBES relationship), else the document's
 * name. The publisher is the originator (who made the package), else the supplier (who
 * distributes it): a white-labelled engine keeps Kaspersky as its originator.
 */
export const spdx: JsonDocumentFormat = {
  id: "spdx",
  label: "SPDX SBOM",
  input: "json",
  detect: (document) => {
    if (!isObject(document)) return 0;
    const version = text(document["spdxVersion"]) ?? "";
    return /^SPDX-2\.[23]$/.test(version) ? 0.95 : /^SPDX-2\.\d+$/.test(version) ? 0.6 : 0;
  },
  read(document, source, context) {
    if (!isObject(document)) throw new FormatError("an SPDX document is a JSON object");
    const packages = document["packages"] ?? [];
    if (!Array.isArray(packages)) throw new FormatError("the document's \"packages\" is not a list");
    const places = jsonPlaces(source, ROW_KEYS);
    const described = describedIndex(document, packages);
    const device = documentDevice(document, described === -1 ? undefined : (packages[described] as Json), context);
    const outcomes = packages.map((value, i) => readPackage(value, rowLine(places, `/packages/${i}`), device.ref, context));
    return withDevice(outcomes, device.observation, context.file, described === -1 ? 0 : described);
  },
};

const ROW_KEYS: ReadonlySet<string> = new Set(["name"]);
const DOCUMENT = "SPDXRef-DOCUMENT";

/** One package: rejected when it is not an object or has no name. */
function readPackage(value: unknown, line: number, device: DeviceRef, context: ReaderContext): RowOutcome {
  if (!isObject(value)) return rejected(line, null, "the package is not a JSON object");
  const name = text(value["name"]);
  if (!name) return rejected(line, "name", "the package has no name");
  const refs = externalRefs(value["externalRefs"]);
  const declared = party(value["originator"]) ?? party(value["supplier"]);
  return accepted(line, [], [
    {
      device,
      name,
      version: text(value["versionInfo"]),
      publisher: creditedPublisher(declared, text(value["copyrightText"]), text(value["description"]), text(value["summary"]), text(value["comment"])),
      package: coordinates(name),
      cpe: refs.cpe,
      purl: refs.purl,
      origin: { file: context.file, line },
    },
  ]);
}

/** "Organization: AO Kaspersky Lab (info@kaspersky.com)" → "AO Kaspersky Lab"; NOASSERTION → nothing. */
export function party(value: unknown): string | undefined {
  const whole = text(value);
  if (!whole) return undefined;
  const named = whole.replace(/^(?:Organization|Person)\s*:\s*/iu, "").replace(/\s*\([^()]*@[^()]*\)\s*$/u, "");
  return text(named);
}

/** The purl and CPE among a package's external references, whatever the category is spelled as. */
function externalRefs(value: unknown): { purl?: string; cpe?: string } {
  const refs = Array.isArray(value) ? value.filter(isObject) : [];
  const locator = (...types: string[]) => refs.filter((r) => types.includes(String(r["referenceType"]))).map((r) => text(r["referenceLocator"])).find((l) => l !== undefined);
  return { purl: locator("purl"), cpe: locator("cpe23Type", "cpe22Type") };
}

/** The index of the package the document describes, or -1. */
function describedIndex(document: Json, packages: unknown[]): number {
  const ids = [...(Array.isArray(document["documentDescribes"]) ? document["documentDescribes"] : []), ...describedByRelationships(document["relationships"])];
  for (const id of ids) {
    const index = packages.findIndex((p) => isObject(p) && p["SPDXID"] === id);
    if (index >= 0) return index;
  }
  return -1;
}

function describedByRelationships(value: unknown): unknown[] {
  const relationships = Array.isArray(value) ? value.filter(isObject) : [];
  return relationships.flatMap((r) => {
    if (r["relationshipType"] === "DESCRIBES" && r["spdxElementId"] === DOCUMENT) return [r["relatedSpdxElement"]];
    if (r["relationshipType"] === "DESCRIBED_BY" && r["relatedSpdxElement"] === DOCUMENT) return [r["spdxElementId"]];
    return [];
  });
}

/** The device: the described package, known by the document's namespace; else the document's name. */
function documentDevice(document: Json, described: Json | undefined, context: ReaderContext): { ref: DeviceRef; observation: Omit<DeviceObservation, "origin"> } {
  const name = text(described?.["name"]) ?? text(document["name"]);
  const ref = { names: context.device ? [context.device] : name ? [name] : [], ids: [`spdx:${text(document["documentNamespace"]) ?? name ?? context.file}`] };
  const purpose = text(described?.["primaryPackagePurpose"]);
  const embedded = purpose === "DEVICE" || purpose === "FIRMWARE";
  const observation = embedded ? { ...ref, deviceType: "appliance" as const, osFamily: "embedded" as const, osVersion: text(described?.["versionInfo"]) } : { ...ref };
  return { ref, observation };
}
