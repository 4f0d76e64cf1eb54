import type { OsFamily } from "../../schema/index.js";
import { parseDate } from "../dates.js";
import { accepted, rejected, type Origin, type RowOutcome, type SoftwareObservation } from "../types.js";
import type { JsonLinesFormat } from "./format.js";

/**
 * osquery results logs (`osqueryd.results.log`, `osqueryd.snapshots.log`, or the same lines
 * shipped through a log pipeline) of the inventory tables `programs` (Windows), `deb_packages`,
 * `rpm_packages` (Linux) and `apps` (macOS).
 *
 * Each log line is one row. Differential logs (event format: one record per line with
 * `"action":"added"|"removed"`; batch format: `"diffResults":{"added":[…],"removed":[…]}`) only
 * say what changed, so a line on its own does not say what is installed. The reader therefore
 * replays them per host and query (added minus removed; a `counter` of 0 starts an initial full
 * result, which replaces what came before; a snapshot line replaces the state outright) and:
 * - every line returns `accepted(line, [device])`: the host, last seen at the line's time, and
 *   no software;
 * - `finish()` returns the software still installed at the end of the file, one accepted outcome
 *   per record, whose evidence is the line of the `added` record (or snapshot) that still stands.
 * The file is replayed in the order it is written. Lines of queries on other tables are accepted
 * for their host only.
 */

type Table = "programs" | "deb_packages" | "rpm_packages" | "apps";
type Columns = Record<string, unknown>;
interface DeviceRef {
  names: string[];
  ids: string[];
}

/** One result line, read. */
interface ResultLine {
  /** Host and query: what a differential applies to. */
  stateKey: string;
  query: string;
  device: DeviceRef;
  lastSeen?: string;
  shape: "event" | "batch" | "snapshot";
  added: Columns[];
  removed: Columns[];
  /** `counter` of a differential; 0 is an initial full result. Null when absent. */
  counter: number | null;
  /** Which execution of the query the line reports (epoch and time), to group an initial result's lines. */
  run: string;
}

const OS_FAMILY: Record<Table, OsFamily> = { programs: "windows", deb_packages: "linux", rpm_packages: "linux", apps: "macos" };

/** Columns only one table has, to tell the table when the query name does not. */
const TABLE_COLUMNS: ReadonlyArray<readonly [Table, readonly string[]]> = [
  ["apps", ["bundle_identifier", "bundle_short_version", "bundle_version", "bundle_executable", "bundle_name", "bundle_package_type"]],
  ["deb_packages", ["status", "maintainer", "admindir", "priority", "revision", "section"]],
  ["rpm_packages", ["release", "vendor", "package_group", "sha1", "install_time"]],
  ["programs", ["publisher", "install_location", "install_date", "identifying_number", "uninstall_string", "upgrade_code", "package_family_name"]],
];

const INSTALLED_DEB = "install ok installed";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A column or field as text: strings trimmed, numbers (`numerics: true`) written out; empty is missing. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

/** `counter`, `unixTime`, `epoch`: numbers in current builds, strings in the documentation. */
function integer(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

/** The table a query reads, from its name (`pack_inventory_programs`, `pack/linux/deb_packages`, `apps`). */
export function tableFromName(query: string): Table | null {
  const tokens = new Set(query.toLowerCase().split(/[^a-z0-9]+/));
  const found: Table[] = [];
  if (tokens.has("programs")) found.push("programs");
  if (tokens.has("deb") || tokens.has("dpkg")) found.push("deb_packages");
  if (tokens.has("rpm")) found.push("rpm_packages");
  if (tokens.has("apps")) found.push("apps");
  return found.length === 1 ? found[0]! : null;
}

/** The table a result row comes from, from the columns only that table has. */
export function tableFromColumns(columns: Columns): Table | null {
  let best: Table | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [table, names] of TABLE_COLUMNS) {
    const count = names.filter((n) => n in columns).length;
    if (count > bestCount) [best, bestCount, tied] = [table, count, false];
    else if (count > 0 && count === bestCount) tied = true;
  }
  return tied ? null : best;
}

/** The query name decides; when it names no single inventory table, the columns do. */
export function tableOf(query: string, sample: Columns | undefined): Table | null {
  return tableFromName(query) ?? (sample ? tableFromColumns(sample) : null);
}

/** Decorations, nested (`"decorations":{…}`) or, with `--decorations_top_level`, among the line's own fields. */
function decoration(value: Record<string, unknown>, key: string): string | undefined {
  const nested = isObject(value.decorations) ? text(value.decorations[key]) : undefined;
  return nested ?? text(value[key]);
}

/**
 * The host: `hostIdentifier` (the host name, or its UUID with `--host_identifier=uuid`), `hostname`
 * (older documentation, or a top-level decoration) and the `hostname`/`computer_name` decorations.
 */
export function hostOf(value: Record<string, unknown>): { key: string; device: DeviceRef } | null {
  const identifier = text(value.hostIdentifier);
  const candidates = [identifier, text(value.hostname), decoration(value, "hostname"), decoration(value, "computer_name")];
  const names: string[] = [];
  for (const name of candidates) {
    if (name && !UUID.test(name) && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  const ids = identifier && UUID.test(identifier) ? [`osquery:${identifier.toLowerCase()}`] : [];
  const key = identifier ?? names[0];
  return key ? { key: key.toLowerCase(), device: { names, ids } } : null;
}

/** When the line was logged: `unixTime`, else the asctime `calendarTime` ("Mon May  2 10:00:00 2022 UTC"). */
export function lineTime(value: Record<string, unknown>): string | undefined {
  const seconds = integer(value.unixTime);
  // Seconds from 1970 to 2199 only: a unixTime of 1e17 is not a time, and must not throw.
  if (seconds !== null && seconds > 0 && seconds < 7_258_118_400) return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
  return parseDate(text(value.calendarTime))?.instant;
}

/** Rows of `added`, `removed` or `snapshot`; a message when they are not a list of objects. */
function rows(value: unknown, where: string): Columns[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return `${where} is not a list`;
  if (!value.every(isObject)) return `${where} holds a value that is not an object`;
  return value as Columns[];
}

/** Reads the shape of one parsed line, or says why it is not an osquery result line. */
export function readLine(value: unknown): ResultLine | { column: string | null; message: string } {
  if (!isObject(value)) return { column: null, message: "not a JSON object: an osquery results log has one object per line" };
  const host = hostOf(value);
  if (!host) return { column: "hostIdentifier", message: "no host identifier (hostIdentifier, hostname or a hostname decoration)" };
  const query = text(value.name) ?? "";
  const base = { stateKey: `${host.key}\u0000${query}`, query, device: host.device, lastSeen: lineTime(value), counter: integer(value.counter), run: [text(value.epoch), text(value.unixTime), text(value.calendarTime)].join("|") };
  if ("snapshot" in value) {
    const snapshot = rows(value.snapshot, "snapshot");
    if (typeof snapshot === "string") return { column: "snapshot", message: snapshot };
    return { ...base, shape: "snapshot", added: snapshot, removed: [] };
  }
  if ("diffResults" in value) {
    if (!isObject(value.diffResults)) return { column: "diffResults", message: "diffResults is not an object" };
    const added = rows(value.diffResults.added, "diffResults.added");
    if (typeof added === "string") return { column: "diffResults", message: added };
    const removed = rows(value.diffResults.removed, "diffResults.removed");
    if (typeof removed === "string") return { column: "diffResults", message: removed };
    return { ...base, shape: "batch", added, removed };
  }
  if ("columns" in value) {
    if (!isObject(value.columns)) return { column: "columns", message: "columns is not an object" };
    if (value.action === "added") return { ...base, shape: "event", added: [value.columns], removed: [] };
    if (value.action === "removed") return { ...base, shape: "event", added: [], removed: [value.columns] };
    return { column: "action", message: `action is ${JSON.stringify(value.action ?? null)}; an event line is "added" or "removed"` };
  }
  return { column: null, message: "no columns, diffResults or snapshot: not an osquery query result" };
}

/** A record's identity: its columns, values as text, so a `removed` record finds its `added` one. */
export function recordKey(columns: Columns): string {
  return JSON.stringify(
    Object.keys(columns)
      .sort()
      .map((k) => [k, text(columns[k]) ?? ""]),
  );
}

/** `programs`: InstallDate is the raw registry string, usually yyyymmdd. */
function programSoftware(c: Columns, device: DeviceRef, origin: Origin): SoftwareObservation | null {
  const name = text(c.name);
  if (!name) return null;
  return { device, name, publisher: text(c.publisher), version: text(c.version), path: text(c.install_location), installDate: parseDate(text(c.install_date))?.date ?? null, origin };
}

/** `deb_packages`: only "install ok installed" is installed; removed-with-config rows persist in dpkg. */
function debSoftware(c: Columns, device: DeviceRef, origin: Origin): SoftwareObservation | null {
  const name = text(c.name);
  const status = text(c.status);
  if (!name || (status !== undefined && status.toLowerCase() !== INSTALLED_DEB)) return null;
  return { device, name, package: name, publisher: text(c.maintainer), version: text(c.version), origin };
}

/** `rpm_packages`: the version is written `version-release`, as rpm -q does. */
function rpmSoftware(c: Columns, device: DeviceRef, origin: Origin): SoftwareObservation | null {
  const name = text(c.name);
  if (!name) return null;
  const [version, release] = [text(c.version), text(c.release)];
  return { device, name, package: name, vendor: text(c.vendor), version: version && release ? `${version}-${release}` : version, origin };
}

/** `apps`: the name is the bundle's file name ("Kaspersky Endpoint Security for Mac.app"), shown without ".app". */
function appSoftware(c: Columns, device: DeviceRef, origin: Origin): SoftwareObservation | null {
  const name = (text(c.name) ?? text(c.display_name) ?? text(c.bundle_name))?.replace(/\.app$/i, "");
  if (!name) return null;
  return { device, name, bundleId: text(c.bundle_identifier), path: text(c.path), version: text(c.bundle_short_version) ?? text(c.bundle_version), origin };
}

const SOFTWARE: Record<Table, (c: Columns, device: DeviceRef, origin: Origin) => SoftwareObservation | null> = {
  programs: programSoftware,
  deb_packages: debSoftware,
  rpm_packages: rpmSoftware,
  apps: appSoftware,
};

export const osquery: JsonLinesFormat = {
  id: "osquery",
  label: "osquery results log",
  input: "json-lines",
  detect: (first, fileName) => {
    const named = /osquery/i.test(fileName) ? 0.4 : 0;
    if (!isObject(first)) return named;
    const body = "columns" in first || "diffResults" in first || "snapshot" in first;
    const host = "hostIdentifier" in first || "hostname" in first;
    const timed = "calendarTime" in first || "unixTime" in first || "counter" in first || "epoch" in first;
    if (body && host && timed) return 0.95;
    if (body && (host || timed)) return 0.8;
    return body ? Math.max(named, 0.5) : named;
  },
  open(context) {
    /** Host and query → record key → the software that record shows, while it stands. */
    const state = new Map<string, Map<string, SoftwareObservation>>();
    /** Host and query → the initial full result (counter 0) being read, so its lines add up. */
    const initialRun = new Map<string, string>();

    const apply = (read: ResultLine, line: number) => {
      const fresh = read.shape === "snapshot" || (read.counter === 0 && initialRun.get(read.stateKey) !== read.run);
      if (fresh) state.set(read.stateKey, new Map());
      if (read.shape === "snapshot") initialRun.delete(read.stateKey);
      else if (read.counter === 0) initialRun.set(read.stateKey, read.run);
      else if (read.counter !== null) initialRun.delete(read.stateKey);
      const standing = state.get(read.stateKey) ?? new Map<string, SoftwareObservation>();
      state.set(read.stateKey, standing);
      for (const columns of read.removed) standing.delete(recordKey(columns));
      const origin = { file: context.file, line };
      for (const columns of read.added) {
        const table = tableOf(read.query, columns);
        const software = table ? SOFTWARE[table](columns, read.device, origin) : null;
        if (software) standing.set(recordKey(columns), software);
        else standing.delete(recordKey(columns));
      }
    };

    return {
      line(value, line): RowOutcome {
        const read = readLine(value);
        if (!("stateKey" in read)) return rejected(line, read.column, read.message);
        apply(read, line);
        const table = tableOf(read.query, read.added[0] ?? read.removed[0]);
        return accepted(line, [{ ...read.device, osFamily: table ? OS_FAMILY[table] : undefined, lastSeen: read.lastSeen, origin: { file: context.file, line } }]);
      },
      finish(): RowOutcome[] {
        const standing = [...state.values()].flatMap((records) => [...records.values()]);
        standing.sort((a, b) => a.origin.line - b.origin.line);
        return standing.map((software) => accepted(software.origin.line, [], [software]));
      },
    };
  },
};
