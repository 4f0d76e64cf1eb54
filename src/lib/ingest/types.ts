import type { MatchedSoftware } from "./matching.js";
import type { Coverage, DataSensitivity, DeviceType, OsFamily, Ownership } from "../schema/index.js";

/** Text encodings the readers recognise. */
export type EncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** Where an observation came from. */
export interface Origin {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * What one record says about a device. Any field may be missing; identity merges the
 * observations of one machine from every source into one device.
 */
export interface DeviceObservation {
  /** Names the machine goes by in this source: host name, FQDN, NetBIOS name. */
  names: string[];
  /** Source-specific ids (Defender DeviceId, MECM ResourceID…), prefixed with the format id. */
  ids: string[];
  osFamily?: OsFamily;
  osVersion?: string;
  deviceType?: DeviceType;
  ownership?: Ownership;
  businessUnit?: string;
  site?: string;
  country?: string;
  criticality?: number;
  internetFacing?: boolean;
  dataSensitivity?: DataSensitivity;
  /** ISO instant. */
  lastSeen?: string;
  origin: Origin;
}

/** What one record says about one piece of software on a device. */
export interface SoftwareObservation {
  /** The device, by the names and ids it has in this source (and its operating system, where the source says). */
  device: { names: string[]; ids: string[]; osFamily?: OsFamily };
  name: string;
  vendor?: string;
  publisher?: string;
  version?: string;
  package?: string;
  bundleId?: string;
  cpe?: string;
  purl?: string;
  path?: string;
  /** ISO date. */
  installDate?: string | null;
  /** ISO date of the newest anti-virus database, where the source reports it. */
  signatureDate?: string | null;
  origin: Origin;
}

/**
 * A device count an aggregate report gives for one catalog product and version (Intune's
 * discovered apps, aggregated): an estate-level figure that names no device, so it is never
 * joined to the devices other exports describe.
 */
export interface EstateCount {
  catalogId: string;
  product: string;
  /** Whether the US prohibition covers the product. */
  covered: Coverage;
  version?: string;
  devices: number;
  origin: Origin;
}

/** What an aggregate report says of one application: how many devices have it, not which. */
export interface ProductCount {
  name: string;
  publisher?: string;
  version?: string;
  devices: number;
  origin: Origin;
}

/**
 * What reading one record produced. An aggregate report's row (Intune's) describes no device
 * and no software observation: it carries `counts` instead.
 */
export type RowOutcome =
  | { kind: "accepted"; line: number; devices: DeviceObservation[]; software: SoftwareObservation[]; counts?: ProductCount[] }
  | { kind: "rejected"; line: number; column: string | null; message: string };

/** The device counts an outcome carries (an aggregate report's row), or none. */
export const countsOf = (outcome: RowOutcome): ProductCount[] => (outcome.kind === "accepted" ? (outcome.counts ?? []) : []);

export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

/** What one file gave: its report, the devices it names and the catalog products it shows. */
export interface FileResult {
  report: SourceReport;
  devices: DeviceObservation[];
  software: MatchedSoftware[];
  /** Device counts from an aggregate report, by catalog product (none for other formats). */
  estate: EstateCount[];
  /** Replacement software seen (CrowdStrike's sensor, Defender for Endpoint), once per device and product. */
  replacements: ReplacementSeen[];
}

/** A replacement product seen on a device. */
export interface ReplacementSeen {
  device: { names: string[]; ids: string[] };
  product: string;
}

/** The reading of one file, as the CLI's `sources[]` reports it. */
export interface SourceReport {
  file: string;
  format: string | null;
  encoding: EncodingName | null;
  delimiter: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  errors: RowError[];
  /** Things read but worth knowing (bytes that were not valid in the file's encoding, replaced by �), with their line. */
  warnings: RowError[];
  /** Set when the file could not be read at all; the other files still load. */
  fatal: string | null;
}

export const accepted = (line: number, devices: DeviceObservation[] = [], software: SoftwareObservation[] = []): RowOutcome => ({ kind: "accepted", line, devices, software });
export const rejected = (line: number, column: string | null, message: string): RowOutcome => ({ kind: "rejected", line, column, message });
