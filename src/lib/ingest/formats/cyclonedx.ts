import { accepted, rejected, type DeviceObservation, type RowOutcome, type SoftwareObservation } from "../types.js";
import { FormatError, type JsonDocumentFormat, type ReaderContext } from "./format.js";
import { coordinates, creditedPublisher, firstAuthor, isObject, jsonPlaces, nameOf, rowLine, text, withDevice } from "./sbom-json.js";

type Json = Record<string, unknown>;
type DeviceRef = SoftwareObservation["device"];

/**
 * CycloneDX 1.4–1.6 JSON SBOMs. Every component is a row: the BOM's subject
 * (`metadata.component`, which is also the device), the listed components, their nested
 * components and their pedigree (ancestors, descendants, variants). A white-label engine shows
 * Kaspersky only in its pedigree, so each ancestor is read as software of its own; a component
 * credited to Kaspersky only in its copyright or description is shown to the catalog's publisher
 * rules through that credit.
 */
export const cyclonedx: JsonDocumentFormat = {
  id: "cyclonedx",
  label: "CycloneDX SBOM",
  input: "json",
  detect: (document) => {
    if (!isObject(document) || document["bomFormat"] !== "CycloneDX") return 0;
    return /^1\.[4-6]$/.test(text(document["specVersion"]) ?? "") ? 0.95 : 0.6;
  },
  read(document, source, context) {
    if (!isObject(document)) throw new FormatError("a CycloneDX BOM is a JSON object");
    const rows = bomRows(document);
    const places = jsonPlaces(source, ROW_KEYS);
    const device = bomDevice(document, context);
    const outcomes = rows.map(({ value, pointer, tooDeep }) => (tooDeep ? rejected(rowLine(places, pointer), null, `the component is nested more than ${MAX_COMPONENT_DEPTH} levels deep; it and what it contains were not read`) : readComponent(value, rowLine(places, pointer), device.ref, context)));
    return withDevice(outcomes, device.observation, context.file, 0);
  },
};

/** Members whose lines rows are reported at: a component's name, and the BOM's subject component. */
const ROW_KEYS: ReadonlySet<string> = new Set(["name", "component"]);
const PEDIGREE = ["ancestors", "descendants", "variants"] as const;

/** One row to read: a value and where it sits in the document. */
interface Row {
  value: unknown;
  pointer: string;
  /** Nested past MAX_COMPONENT_DEPTH: reported, not read. */
  tooDeep?: boolean;
}

/** Components nested deeper than this are reported, not read: a real BOM nests a few levels. */
export const MAX_COMPONENT_DEPTH = 64;

/**
 * The BOM's subject, its components, and everything nested in them, in document order. Walked
 * with a stack, not recursion, so no nesting can exhaust the call stack; a component nested past
 * MAX_COMPONENT_DEPTH becomes a rejected row, and its own children are not visited.
 */
function bomRows(bom: Json): Row[] {
  const rows: Row[] = [];
  const stack: { value: unknown; at: string; depth: number }[] = [];
  // Pushed in reverse so they come off in document order.
  const pushAll = (children: [unknown, string][], depth: number) => {
    for (let k = children.length - 1; k >= 0; k--) stack.push({ value: children[k]![0], at: children[k]![1], depth });
  };
  const walk = () => {
    while (stack.length) {
      const { value, at, depth } = stack.pop()!;
      if (depth > MAX_COMPONENT_DEPTH) {
        rows.push({ value, pointer: at, tooDeep: true });
        continue;
      }
      rows.push({ value, pointer: at });
      if (!isObject(value)) continue;
      const children: [unknown, string][] = [...list(value["components"], `${at}/components`)];
      const pedigree = value["pedigree"];
      if (isObject(pedigree)) for (const key of PEDIGREE) children.push(...list(pedigree[key], `${at}/pedigree/${key}`));
      pushAll(children, depth + 1);
    }
  };
  const metadata = bom["metadata"];
  if (isObject(metadata) && isObject(metadata["component"])) {
    stack.push({ value: metadata["component"], at: "/metadata/component", depth: 1 });
    walk();
  }
  if (bom["components"] !== undefined && !Array.isArray(bom["components"])) throw new FormatError("the BOM's \"components\" is not a list");
  pushAll(list(bom["components"], "/components"), 1);
  walk();
  return rows;
}

/** The elements of a JSON array with their pointers; nothing when it is not an array. */
function list(value: unknown, at: string): [unknown, string][] {
  return Array.isArray(value) ? value.map((v, i) => [v, `${at}/${i}`]) : [];
}

/** The device a BOM describes: its subject component, known by the BOM's serial number. */
function bomDevice(bom: Json, context: ReaderContext): { ref: DeviceRef; observation: Omit<DeviceObservation, "origin"> } {
  const metadata = isObject(bom["metadata"]) ? bom["metadata"] : {};
  const subject = isObject(metadata["component"]) ? metadata["component"] : {};
  const name = text(subject["name"]);
  const ref = { names: context.device ? [context.device] : name ? [name] : [], ids: [`cyclonedx:${text(bom["serialNumber"]) ?? name ?? context.file}`] };
  const embedded = subject["type"] === "device" || subject["type"] === "firmware";
  const observation = embedded ? { ...ref, deviceType: "appliance" as const, osFamily: "embedded" as const, osVersion: text(subject["version"]) } : { ...ref };
  return { ref, observation };
}

/** One component: rejected when it is not an object or has no name; signature data holds no software. */
function readComponent(value: unknown, line: number, device: DeviceRef, context: ReaderContext): RowOutcome {
  if (!isObject(value)) return rejected(line, null, "the component is not a JSON object");
  const name = text(value["name"]);
  if (!name) return rejected(line, "name", "the component has no name");
  if (value["type"] === "data") return accepted(line);
  return accepted(line, [], [componentSoftware(value, name, device, { file: context.file, line })]);
}

/** What a component says about the software it is. */
function componentSoftware(component: Json, name: string, device: DeviceRef, origin: SoftwareObservation["origin"]): SoftwareObservation {
  const declared = text(nameOf(component["supplier"])) ?? text(nameOf(component["manufacturer"])) ?? text(component["publisher"]) ?? text(component["author"]) ?? firstAuthor(component["authors"]);
  return {
    device,
    name,
    version: text(component["version"]),
    publisher: creditedPublisher(declared, text(component["copyright"]), text(component["description"])),
    package: coordinates(name, text(component["group"])),
    cpe: text(component["cpe"]),
    purl: text(component["purl"]),
    origin,
  };
}
