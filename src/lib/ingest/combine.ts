import type { CatalogProduct, Coverage, Device, Install } from "../schema/index.js";
import { hostLabel, shortHostName } from "./names.js";
import { mergeObservation } from "./merge.js";
import type { DeviceObservation, FileResult, SourceReport } from "./types.js";

/** Everything read from a set of files, merged: one device per machine, one install per product. */
export interface Inventory {
  sources: SourceReport[];
  devices: Device[];
  installs: Install[];
  /** Replacement software seen, by device id (a device that left the vendor shows what replaced it). */
  replacements: Record<string, string[]>;
  kaspersky: {
    /** Distinct devices with at least one product the US prohibition covers. */
    devices: number;
    /** Installs of covered products. */
    installs: number;
    /** Catalog product name → installs, for products the US prohibition covers. */
    byProduct: Record<string, number>;
    /** The same for the vendor's products it does not cover (threat intelligence, training). */
    notCovered: Record<string, number>;
    /** The same for software that may be the vendor's or covered, to review (developer libraries, a name seen only as "Kaspersky"). */
    unclear: Record<string, number>;
    /**
     * Estate-level device counts from aggregate reports (Intune's), by product: summed over the
     * versions reported, so a device with two versions counts twice. Never joined to devices.
     */
    estate: { product: string; covered: Coverage; devices: number; versions: number; files: string[] }[];
  };
}

/** Aggregate reports' device counts, summed per catalog product over versions and files. */
function estateCounts(results: readonly FileResult[]): Inventory["kaspersky"]["estate"] {
  const byProduct = new Map<string, Omit<Inventory["kaspersky"]["estate"][number], "files"> & { files: Set<string> }>();
  for (const r of results) {
    for (const c of r.estate) {
      const entry = byProduct.get(c.catalogId) ?? { product: c.product, covered: c.covered, devices: 0, versions: 0, files: new Set<string>() };
      entry.devices += c.devices;
      entry.versions += 1;
      entry.files.add(c.origin.file);
      byProduct.set(c.catalogId, entry);
    }
  }
  return [...byProduct.values()].map((e) => ({ ...e, files: [...e.files] })).sort((a, b) => b.devices - a.devices || a.product.localeCompare(b.product));
}

/**
 * Union-find over identity keys: a device's source ids, and its host name without domain (15
 * characters, as NetBIOS). Each key is given a number once; unions and finds work on numbers.
 */
class Identity {
  private ids = new Map<string, number>();
  private hosts = new Map<string, number>();
  /** Each number's key: a source id or a short host name. */
  readonly keys: string[] = [];
  private parent = new Int32Array(1024);

  private number(map: Map<string, number>, key: string): number {
    const known = map.get(key);
    if (known !== undefined) return known;
    const n = this.keys.length;
    this.keys.push(key);
    map.set(key, n);
    if (n === this.parent.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.parent);
      this.parent = grown;
    }
    this.parent[n] = n;
    return n;
  }

  find(n: number): number {
    const parent = this.parent;
    while (parent[n] !== n) {
      parent[n] = parent[parent[n]!]!; // path halving
      n = parent[n]!;
    }
    return n;
  }

  /** Joins a device's keys; returns its first key's number (a device with none is numbered on its own). */
  join(ref: { names: readonly string[]; ids: readonly string[] }): number {
    let first = -1;
    let root = -1;
    const add = (n: number) => {
      const r = this.find(n);
      if (first < 0) {
        first = n;
        root = r;
      } else if (r !== root) this.parent[r] = root;
    };
    for (const id of ref.ids) add(this.number(this.ids, id));
    for (const name of ref.names) add(this.number(this.hosts, shortHostName(name)));
    return first >= 0 ? first : this.number(new Map(), "unnamed");
  }

  /** Every device has been joined: the keys' lookup tables are no longer needed (finds work on numbers). */
  seal(): void {
    this.ids = new Map();
    this.hosts = new Map();
  }
}

/** A device's names and ids other than its host name, each once (a loop: this runs for every device). */
function aliasesOf(o: DeviceObservation, hostname: string): string[] {
  const aliases: string[] = [];
  for (const list of [o.names, o.ids]) for (const a of list) if (!aliases.includes(a) && a.toLowerCase() !== hostname) aliases.push(a);
  return aliases;
}

const UNKNOWN = { businessUnit: "Unassigned", site: "Unknown", country: "ZZ" } as const;

/**
 * Merges what several files say. The same machine seen by several sources (host name in any
 * case, FQDN or short name, NetBIOS, source ids) becomes one device; the same product seen
 * several times on one device (Defender and MECM, MECM's 32- and 64-bit views) becomes one
 * install that keeps every piece of evidence.
 */
export function combine(results: readonly FileResult[], now: string): Inventory {
  // Each observation's keys are numbered once; only its first key's number is remembered, in
  // arrays beside the results' own (typed arrays and plain arrays, not maps: at 200,000 devices
  // maps' growth was most of combine's memory).
  const identity = new Identity();
  const deviceKeys = results.map((r) => Int32Array.from(r.devices, (d) => identity.join(d)));
  const softwareKeys = results.map((r) => Int32Array.from(r.software, (s) => identity.join(s.observation.device)));
  const replacementKeys = results.map((r) => Int32Array.from(r.replacements ?? [], (x) => identity.join(x.device)));
  identity.seal();
  /** Each root's merged observation, and the roots in the order their devices were first seen. */
  const observations: (DeviceObservation | undefined)[] = [];
  const order: number[] = [];
  const observe = (root: number, o: DeviceObservation) => {
    const known = observations[root];
    if (!known) order.push(root);
    observations[root] = known ? mergeObservation(known, o) : o;
  };
  results.forEach((r, i) => r.devices.forEach((d, j) => observe(identity.find(deviceKeys[i]![j]!), d)));
  // Software whose device no source described still names a device.
  results.forEach((r, i) =>
    r.software.forEach(({ observation }, j) => {
      const root = identity.find(softwareKeys[i]![j]!);
      if (!observations[root]) observe(root, { names: observation.device.names, ids: observation.device.ids, origin: observation.origin });
    }),
  );
  const deviceIds: string[] = [];
  const taken = new Set<string>();
  const devices: Device[] = [];
  for (const root of order) {
    const o = observations[root]!;
    const hostname = o.names.length ? hostLabel(o.names.find((n) => !/^\d/.test(n)) ?? o.names[0]!) : identity.keys[root]!;
    const id = `dev-${hostname}`;
    const unique = taken.has(id) ? `${id}-${devices.length}` : id;
    taken.add(unique);
    deviceIds[root] = unique;
    devices.push({
      id: unique,
      hostname,
      aliases: aliasesOf(o, hostname),
      osFamily: o.osFamily ?? "other",
      osVersion: o.osVersion ?? "",
      deviceType: o.deviceType ?? (o.osFamily === "ios" || o.osFamily === "android" ? "mobile" : "workstation"),
      ownership: o.ownership ?? "corporate",
      businessUnit: o.businessUnit ?? UNKNOWN.businessUnit,
      site: o.site ?? UNKNOWN.site,
      country: o.country ?? UNKNOWN.country,
      criticality: o.criticality ?? 3,
      internetFacing: o.internetFacing ?? false,
      dataSensitivity: o.dataSensitivity ?? "internal",
      lastSeen: o.lastSeen ?? now,
    });
  }

  const installs = new Map<string, Install>();
  const products = new Map<string, CatalogProduct>();
  for (const [i, result] of results.entries()) {
    for (const [j, { observation: s, product }] of result.software.entries()) {
      products.set(product.id, product);
      const deviceId = deviceIds[identity.find(softwareKeys[i]![j]!)]!;
      const key = `${deviceId}|${product.id}|${s.version ?? ""}`;
      const evidence = { file: s.origin.file, line: s.origin.line, format: result.report.format ?? "unknown" };
      const known = installs.get(key);
      if (known) {
        if (!known.evidence.some((e) => e.file === evidence.file && e.line === evidence.line)) known.evidence.push(evidence);
        known.installDate ??= s.installDate ?? null;
        if (s.signatureDate && (!known.signatureDate || s.signatureDate > known.signatureDate)) known.signatureDate = s.signatureDate;
        continue;
      }
      installs.set(key, { deviceId, vendor: product.vendor, product: s.name, catalogId: product.id, version: s.version ?? "", installDate: s.installDate ?? null, signatureDate: s.signatureDate ?? null, evidence: [evidence] });
    }
  }
  const replacements: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  results.forEach((r, i) =>
    (r.replacements ?? []).forEach(({ product }, j) => {
      const deviceId = deviceIds[identity.find(replacementKeys[i]![j]!)];
      if (deviceId === undefined) return;
      const list = (replacements[deviceId] ??= []);
      if (!list.includes(product)) list.push(product);
    }),
  );
  const all = [...installs.values()];
  // Installs by product name, one table per coverage: a summary of covered devices lists covered products only.
  const tables = { yes: new Map<string, number>(), no: new Map<string, number>(), unclear: new Map<string, number>() };
  const coveredDevices = new Set<string>();
  for (const i of all) {
    const product = products.get(i.catalogId!)!;
    const table = tables[product.coveredByUsProhibition];
    table.set(product.name, (table.get(product.name) ?? 0) + 1);
    if (product.coveredByUsProhibition === "yes") coveredDevices.add(i.deviceId);
  }
  const coveredInstalls = [...tables.yes.values()].reduce((a, b) => a + b, 0);
  return {
    sources: results.map((r) => r.report),
    devices,
    installs: all,
    replacements,
    kaspersky: { devices: coveredDevices.size, installs: coveredInstalls, byProduct: Object.fromEntries(tables.yes), notCovered: Object.fromEntries(tables.no), unclear: Object.fromEntries(tables.unclear), estate: estateCounts(results) },
  };
}
