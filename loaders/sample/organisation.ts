/**
 * The sample organisation as the generator knows it: every device with its true attributes,
 * what security software it really runs, and which inventory tools can see it. Exports are
 * views of this; the ground truth is this minus the generator's bookkeeping.
 */
import { chance, pick, pickWeighted, randomInt } from "../../src/lib/engine/pick.js";
import { randomSource, type Random } from "../../src/lib/engine/prng.js";
import type { DataSensitivity, Device, DeviceType, Ownership } from "../../src/lib/schema/index.js";
import { APPS, ORGANISATION, OS, SITES, TITLES, type App, type OsRelease, type SecurityTitle, type Site, type TitleKey } from "./catalogue.js";

/** Where a device stands on leaving Kaspersky. */
export type KasperskyStatus =
  | "never" // never ran Kaspersky
  | "active" // runs a managed Kaspersky product now
  | "migrated" // moved to another product; sometimes a Network Agent is left behind
  | "consumer" // a personal device with a consumer Kaspersky product
  | "auto-migrated" // a consumer install Kaspersky replaced with UltraAV in September 2024
  | "oem"; // an appliance whose vendor embeds a Kaspersky engine

export interface SecurityInstall {
  key: TitleKey;
  title: SecurityTitle;
  version: string;
  installDate: string | null;
  /** Newest anti-virus database on the device (ISO date), when the product has one and a console reports it. */
  signatureDate: string | null;
}

export interface Host {
  device: Device;
  os: OsRelease;
  status: KasperskyStatus;
  fqdn: string;
  netbios: string;
  apps: App[];
  security: SecurityInstall[];
  /** Onboarded to Microsoft Defender for Endpoint (appears in the TVM export). */
  inDefender: boolean;
  defenderId: string;
  /** Managed by Configuration Manager (appears in the Add/Remove Programs export). */
  inMecm: boolean;
  mecmResourceId: number;
  /** Reports to a Kaspersky Security Center server. */
  kscServer: string | null;
  /** Last time its Network Agent spoke to the server (ISO instant). */
  kscLastConnected: string | null;
  kscDescription: string;
}

const DAY = 86_400_000;
const EXPORTED = Date.parse(ORGANISATION.exportedAt);
/** The last moment Kaspersky could ship updates to US customers: 00:00 EDT on 29 September 2024. */
const US_CUTOFF = Date.parse("2024-09-29T04:00:00Z");

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
const hex = (random: Random, length: number) => Array.from({ length }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");

function deviceTypeFor(random: Random): DeviceType {
  return pickWeighted<DeviceType>(random, [["workstation", 72], ["server", 12], ["vdi", 6], ["mobile", 7], ["ot", 3]]);
}

function osFor(random: Random, type: DeviceType): OsRelease {
  switch (type) {
    case "workstation":
      return OS[pickWeighted(random, [["win11", 50], ["win10", 28], ["macos14", 8], ["macos15", 8], ["ubuntu22", 6]])]!;
    case "server":
      return OS[pickWeighted(random, [["srv2022", 25], ["srv2019", 25], ["srv2016", 10], ["rhel8", 15], ["rhel9", 10], ["ubuntu22", 15]])]!;
    case "vdi":
      return OS.win10!;
    case "mobile":
      return OS[pickWeighted(random, [["ios17", 6], ["android14", 4]])]!;
    case "ot":
      return OS[pickWeighted(random, [["win10ltsc", 7], ["ubuntu22", 3]])]!;
    case "appliance":
      return OS.appliance!;
  }
}

function criticalityFor(random: Random, type: DeviceType, unit: string): number {
  if (type === "ot") return 1;
  if (type === "server") return pickWeighted(random, [[1, 35], [2, 45], [3, 20]]);
  if (type === "mobile") return 4;
  if (unit === "Finance") return pickWeighted(random, [[2, 60], [3, 40]]);
  return pickWeighted(random, [[3, 55], [4, 45]]);
}

function sensitivityFor(random: Random, type: DeviceType, unit: string): DataSensitivity {
  if (unit === "Finance") return pickWeighted<DataSensitivity>(random, [["restricted", 50], ["confidential", 50]]);
  if (type === "server") return pickWeighted<DataSensitivity>(random, [["confidential", 60], ["restricted", 20], ["internal", 20]]);
  if (type === "ot") return "internal";
  return pickWeighted<DataSensitivity>(random, [["internal", 70], ["confidential", 25], ["public", 5]]);
}

const TYPE_CODE: Record<DeviceType, string> = { workstation: "ws", server: "srv", vdi: "vdi", mobile: "mob", ot: "ot", appliance: "app" };

/** The products a managed Kaspersky device runs. */
function managedKaspersky(random: Random, type: DeviceType, os: OsRelease, russianLanguage: boolean): TitleKey[] {
  if (os.family === "linux") return ["kesLinux", "networkAgentLinux"];
  if (os.family === "macos") return ["kesMac", "networkAgent"];
  if (type === "server") return ["ksws", "networkAgent"];
  return [russianLanguage ? "kesWindowsRu" : "kesWindows", "networkAgent"];
}

function replacement(os: OsRelease, type: DeviceType, unit: string): TitleKey[] {
  // Windows' own Defender Antivirus is part of the OS and never appears as an installed title.
  if (os.family === "linux") return [type === "server" && unit === "Engineering" ? "falconLinux" : "mdeLinux"];
  if (os.family === "macos") return ["mdeMac"];
  if (os.family === "windows" && type === "server" && unit === "Engineering") return ["falcon"];
  return [];
}

/** Date of the newest signatures on a device that stopped updating when US updates ended, or earlier. */
function frozenSignatureDate(random: Random): string {
  if (chance(random, 0.85)) return isoDate(US_CUTOFF - randomInt(random, 1, 3) * DAY);
  return isoDate(US_CUTOFF - randomInt(random, 10, 140) * DAY);
}

export function makeOrganisation(seed: number): Host[] {
  const random = randomSource(seed);
  const hosts: Host[] = [];
  const counters = new Map<string, number>();
  let resourceId = 16_777_300;

  const add = (site: Site, type: DeviceType, unitOverride?: string) => {
    const unit = unitOverride ?? pickWeighted(random, site.units);
    const os = osFor(random, type);
    const key = `${site.code}-${TYPE_CODE[type]}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const hostname = `${key}-${String(n).padStart(4, "0")}`;
    const ownership: Ownership = type === "mobile" ? (chance(random, 0.5) ? "byod" : "corporate") : type === "workstation" && os.family !== "linux" && chance(random, 0.035) ? "byod" : "corporate";
    const fqdn = `${hostname}.${ORGANISATION.domain}`;
    const defenderId = hex(random, 40);
    const lastSeenMs = EXPORTED - (chance(random, 0.9) ? randomInt(random, 0, 3 * 86_400) : randomInt(random, 3 * 86_400, 40 * 86_400)) * 1000;
    const device: Device = {
      id: `dev-${defenderId.slice(0, 12)}`,
      hostname,
      aliases: [fqdn, hostname.toUpperCase()],
      osFamily: os.family,
      osVersion: os.version,
      deviceType: type,
      ownership,
      businessUnit: unit,
      site: site.name,
      country: site.country,
      criticality: criticalityFor(random, type, unit),
      internetFacing: type === "appliance" || (type === "server" && chance(random, 0.08)),
      dataSensitivity: sensitivityFor(random, type, unit),
      lastSeen: isoInstant(lastSeenMs),
    };
    const appPool = os.family === "windows" || os.family === "macos" || os.family === "linux" ? APPS[os.family] : [];
    const apps = appPool.filter(() => chance(random, 0.3));

    // Kaspersky history: acquired sites and some units standardised on it.
    const security: SecurityInstall[] = [];
    let status: KasperskyStatus = "never";
    let kscServer: string | null = null;
    const install = (titleKey: TitleKey, signatureDate: string | null = null) => {
      const title: SecurityTitle = TITLES[titleKey];
      const installedMs = Date.parse("2019-03-01T00:00:00Z") + randomInt(random, 0, 1800) * DAY;
      security.push({ key: titleKey, title, version: pick(random, title.versions), installDate: chance(random, 0.9) ? isoDate(installedMs) : null, signatureDate });
    };
    const managedOs = os.family === "windows" || os.family === "macos" || os.family === "linux";
    const unitBias = unit === "Logistics" || unit === "Retail" ? 1.35 : 0.6;
    if (ownership === "byod" && type === "workstation") {
      if (chance(random, 0.4)) {
        if (os.family === "windows" && chance(random, 0.35)) {
          status = "auto-migrated";
          install("ultraAv");
        } else {
          status = "consumer";
          install(pick(random, ["kis", "kasperskyPlus"] as const));
        }
      }
    } else if (type !== "mobile" && managedOs && chance(random, Math.min(0.95, site.kasperskyShare * unitBias))) {
      const updating = site.localUpdateServer !== null && chance(random, 0.93);
      const migrated = site.localUpdateServer === null ? chance(random, 0.28) : chance(random, 0.08);
      kscServer = site.localUpdateServer ?? "KSC-NYC01";
      if (migrated) {
        status = "migrated";
        replacement(os, type, unit).forEach((t) => install(t));
        const agentLeft = chance(random, 0.15);
        if (agentLeft) install(os.family === "linux" ? "networkAgentLinux" : "networkAgent");
        else kscServer = null;
      } else {
        status = "active";
        const russianLanguage = site.country === "DE" && os.family === "windows" && type === "workstation" && chance(random, 0.03);
        for (const t of managedKaspersky(random, type, os, russianLanguage)) {
          const title = TITLES[t];
          const signature = title.hasSignatures ? (updating ? isoDate(EXPORTED - randomInt(random, 0, 2) * DAY) : frozenSignatureDate(random)) : null;
          install(t, signature);
        }
      }
    } else {
      replacement(os, type, unit).forEach((t) => install(t));
    }

    const kscLastConnected = kscServer === null ? null : status === "migrated" ? isoInstant(EXPORTED - randomInt(random, 20, 300) * DAY) : isoInstant(lastSeenMs - randomInt(random, 0, 3600) * 1000);
    const descriptions = ["", "", "", "", `Owner: ${unit} IT`, `Loaner pool\nReturn to ${site.name} service desk`, "Do not reboot during business hours, \"critical\" line system"];
    hosts.push({
      device,
      os,
      status,
      fqdn,
      netbios: hostname.toUpperCase().slice(0, 15),
      apps,
      security,
      inDefender: type !== "ot" && type !== "appliance" && type !== "mobile" && chance(random, 0.96),
      defenderId,
      inMecm: os.family === "windows" && ownership === "corporate" && type !== "ot" && chance(random, 0.95),
      mecmResourceId: resourceId++,
      kscServer,
      kscLastConnected,
      kscDescription: kscServer ? pick(random, descriptions) : "",
    });
  };

  for (const site of SITES) for (let i = 0; i < site.devices; i++) add(site, deviceTypeFor(random));

  // The Kaspersky Security Center server itself, three Exchange servers with Kaspersky mail
  // security, and the mail-gateway appliance whose vendor embeds a Kaspersky engine.
  const nyc = SITES[0]!;
  const servers = hosts.filter((h) => h.device.site === nyc.name && h.device.deviceType === "server" && h.os.family === "windows" && h.status === "active");
  const ksc = servers[0];
  if (ksc) ksc.security.push({ key: "kscServer", title: TITLES.kscServer, version: TITLES.kscServer.versions[0], installDate: "2022-04-11", signatureDate: null });
  for (const exchange of servers.slice(1, 4)) {
    exchange.security.push({ key: "ksExchange", title: TITLES.ksExchange, version: TITLES.ksExchange.versions[0], installDate: "2021-08-23", signatureDate: null });
    exchange.device.internetFacing = true;
  }
  add(nyc, "appliance", "Corporate");
  const gateway = hosts[hosts.length - 1]!;
  gateway.status = "oem";
  gateway.device.hostname = "nyc-mx-gw01";
  gateway.device.aliases = [`nyc-mx-gw01.${ORGANISATION.domain}`, "NYC-MX-GW01"];
  gateway.fqdn = gateway.device.aliases[0]!;
  gateway.netbios = "NYC-MX-GW01";
  gateway.security.push({ key: "kavSdk", title: TITLES.kavSdk, version: TITLES.kavSdk.versions[0], installDate: "2023-02-14", signatureDate: null });
  gateway.device.criticality = 1;
  gateway.device.dataSensitivity = "confidential";
  return hosts;
}
