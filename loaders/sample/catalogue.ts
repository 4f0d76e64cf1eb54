/**
 * What the fictional sample organisation runs: its sites, business units and the software
 * titles that show up in its exports. This is invented scenery for the generator only; the
 * facts the model relies on (product coverage, dates, prices) live in data/ with sources.
 */
import type { OsFamily } from "../../src/lib/schema/index.js";

export const ORGANISATION = {
  name: "Halvorsen Freight & Supply, Inc.",
  domain: "corp.halvorsen.example",
  /** The moment the sample exports were taken. Fixed, so the sample never changes by itself. */
  exportedAt: "2026-11-02T09:00:00Z",
} as const;

export interface Site {
  code: string;
  name: string;
  country: string;
  devices: number;
  /** Kaspersky is still the standard here (the site was acquired with it). */
  kasperskyShare: number;
  /** A secondary Kaspersky Security Center server that still pulls updates from outside the US. */
  localUpdateServer: string | null;
  /** Business units weighted by head count at this site. */
  units: readonly (readonly [string, number])[];
}

export const BUSINESS_UNITS = ["Corporate", "Finance", "Logistics", "Retail", "Engineering"] as const;

export const SITES: readonly Site[] = [
  { code: "nyc", name: "New York HQ", country: "US", devices: 1100, kasperskyShare: 0.12, localUpdateServer: null, units: [["Corporate", 4], ["Finance", 4], ["Engineering", 1], ["Retail", 1]] },
  { code: "chi", name: "Chicago", country: "US", devices: 600, kasperskyShare: 0.35, localUpdateServer: null, units: [["Retail", 5], ["Logistics", 2], ["Finance", 1]] },
  { code: "dal", name: "Dallas Distribution Center", country: "US", devices: 550, kasperskyShare: 0.45, localUpdateServer: null, units: [["Logistics", 6], ["Retail", 1], ["Corporate", 1]] },
  { code: "atl", name: "Atlanta", country: "US", devices: 450, kasperskyShare: 0.4, localUpdateServer: null, units: [["Retail", 5], ["Logistics", 1], ["Finance", 1]] },
  { code: "sea", name: "Seattle", country: "US", devices: 400, kasperskyShare: 0.05, localUpdateServer: null, units: [["Engineering", 8], ["Corporate", 1]] },
  { code: "nwk", name: "Newark Distribution Center", country: "US", devices: 350, kasperskyShare: 0.5, localUpdateServer: null, units: [["Logistics", 7], ["Corporate", 1]] },
  { code: "ham", name: "Hamburg", country: "DE", devices: 300, kasperskyShare: 0.9, localUpdateServer: "KSC-HAM01", units: [["Logistics", 5], ["Engineering", 2], ["Finance", 1]] },
  { code: "tor", name: "Toronto", country: "CA", devices: 250, kasperskyShare: 0.85, localUpdateServer: "KSC-TOR01", units: [["Retail", 4], ["Corporate", 1], ["Finance", 1]] },
];

export interface OsRelease {
  family: OsFamily;
  name: string;
  version: string;
  /** Defender's OSPlatform token. */
  defenderPlatform: string;
}

export const OS: Record<string, OsRelease> = {
  win11: { family: "windows", name: "Microsoft Windows 11 Enterprise", version: "10.0.22631", defenderPlatform: "Windows11" },
  win10: { family: "windows", name: "Microsoft Windows 10 Enterprise", version: "10.0.19045", defenderPlatform: "Windows10" },
  win10ltsc: { family: "windows", name: "Microsoft Windows 10 Enterprise LTSC 2019", version: "10.0.17763", defenderPlatform: "Windows10" },
  srv2022: { family: "windows", name: "Microsoft Windows Server 2022 Standard", version: "10.0.20348", defenderPlatform: "WindowsServer2022" },
  srv2019: { family: "windows", name: "Microsoft Windows Server 2019 Standard", version: "10.0.17763", defenderPlatform: "WindowsServer2019" },
  srv2016: { family: "windows", name: "Microsoft Windows Server 2016 Standard", version: "10.0.14393", defenderPlatform: "WindowsServer2016" },
  macos14: { family: "macos", name: "macOS Sonoma", version: "14.6.1", defenderPlatform: "macOS" },
  macos15: { family: "macos", name: "macOS Sequoia", version: "15.1", defenderPlatform: "macOS" },
  ubuntu22: { family: "linux", name: "Ubuntu 22.04 LTS", version: "22.04", defenderPlatform: "Linux" },
  rhel8: { family: "linux", name: "Red Hat Enterprise Linux 8.9", version: "8.9", defenderPlatform: "Linux" },
  rhel9: { family: "linux", name: "Red Hat Enterprise Linux 9.4", version: "9.4", defenderPlatform: "Linux" },
  ios17: { family: "ios", name: "iOS 17.6", version: "17.6", defenderPlatform: "iOS" },
  android14: { family: "android", name: "Android 14", version: "14", defenderPlatform: "Android" },
  appliance: { family: "embedded", name: "Vendor appliance OS", version: "", defenderPlatform: "" },
};

/** An ordinary application: scenery that every export also lists, so readers must skip it. */
export interface App {
  name: string;
  publisher: string;
  version: string;
  defenderVendor: string;
  defenderName: string;
}

export const APPS: Record<"windows" | "macos" | "linux", readonly App[]> = {
  windows: [
    { name: "Google Chrome", publisher: "Google LLC", version: "130.0.6723.92", defenderVendor: "google", defenderName: "chrome" },
    { name: "Microsoft 365 Apps for enterprise - en-us", publisher: "Microsoft Corporation", version: "16.0.17928.20216", defenderVendor: "microsoft", defenderName: "365_apps" },
    { name: "7-Zip 23.01 (x64)", publisher: "Igor Pavlov", version: "23.01", defenderVendor: "7-zip", defenderName: "7-zip" },
    { name: "Zoom Workplace (64-bit)", publisher: "Zoom Video Communications, Inc.", version: "6.2.5", defenderVendor: "zoom", defenderName: "zoom" },
    { name: "Adobe Acrobat Reader (64-bit)", publisher: "Adobe", version: "24.004.20220", defenderVendor: "adobe", defenderName: "acrobat_reader_dc" },
    { name: "Notepad++ (64-bit x64)", publisher: "Notepad++ Team", version: "8.6.9", defenderVendor: "notepad-plus-plus", defenderName: "notepad++" },
  ],
  macos: [
    { name: "Google Chrome", publisher: "", version: "130.0.6723.92", defenderVendor: "google", defenderName: "chrome" },
    { name: "Microsoft Word", publisher: "", version: "16.90", defenderVendor: "microsoft", defenderName: "word" },
    { name: "Slack", publisher: "", version: "4.41.97", defenderVendor: "slack", defenderName: "slack" },
  ],
  linux: [
    { name: "openssl", publisher: "", version: "3.0.2-0ubuntu1.18", defenderVendor: "openssl", defenderName: "openssl" },
    { name: "openssh-server", publisher: "", version: "8.9p1-3ubuntu0.10", defenderVendor: "openbsd", defenderName: "openssh" },
    { name: "nginx", publisher: "", version: "1.18.0-6ubuntu14.4", defenderVendor: "f5", defenderName: "nginx" },
  ],
};

/** How one security product shows up in each export. */
export interface SecurityTitle {
  catalogId: string | null;
  vendor: string;
  /** Windows Add/Remove Programs DisplayName, macOS app name or Linux package name. */
  name: string;
  publisher: string;
  versions: readonly string[];
  defenderVendor: string;
  defenderName: string;
  /** Registers under both the 32-bit and 64-bit uninstall keys, so MECM lists it twice. */
  arpBothViews: boolean;
  /** Anti-virus with its own signature databases (Network Agent and the console have none). */
  hasSignatures: boolean;
}

const K = "Kaspersky";
const AO = "AO Kaspersky Lab";
export const TITLES = {
  kesWindows: { catalogId: "kes-windows", vendor: K, name: "Kaspersky Endpoint Security for Windows", publisher: AO, versions: ["12.1.0.506", "12.3.0.493", "11.11.0.452"], defenderVendor: "kaspersky", defenderName: "endpoint_security_for_windows", arpBothViews: true, hasSignatures: true },
  kesWindowsRu: { catalogId: "kes-windows", vendor: K, name: "Kaspersky Endpoint Security для Windows", publisher: "АО «Лаборатория Касперского»", versions: ["12.3.0.493"], defenderVendor: "kaspersky", defenderName: "endpoint_security_for_windows", arpBothViews: true, hasSignatures: true },
  networkAgent: { catalogId: "network-agent", vendor: K, name: "Kaspersky Security Center Network Agent", publisher: AO, versions: ["14.0.0.10902", "15.1.0.20748"], defenderVendor: "kaspersky_lab", defenderName: "kaspersky_security_center_network_agent", arpBothViews: false, hasSignatures: false },
  networkAgentLinux: { catalogId: "network-agent", vendor: K, name: "klnagent64", publisher: AO, versions: ["15.1.0-20748"], defenderVendor: "kaspersky_lab", defenderName: "klnagent64", arpBothViews: false, hasSignatures: false },
  kesMac: { catalogId: "kes-mac", vendor: K, name: "Kaspersky Endpoint Security for Mac", publisher: AO, versions: ["12.1.0.553", "11.3.0.262"], defenderVendor: "kaspersky", defenderName: "endpoint_security_for_mac", arpBothViews: false, hasSignatures: true },
  kesLinux: { catalogId: "kes-linux", vendor: K, name: "kesl", publisher: AO, versions: ["12.1.0-1297", "11.4.0-5096"], defenderVendor: "kaspersky", defenderName: "kesl", arpBothViews: false, hasSignatures: true },
  ksws: { catalogId: "ksws", vendor: K, name: "Kaspersky Security for Windows Server", publisher: AO, versions: ["11.0.1.897", "12.0.0.480"], defenderVendor: "kaspersky", defenderName: "security_for_windows_server", arpBothViews: false, hasSignatures: true },
  ksExchange: { catalogId: "ks-exchange", vendor: K, name: "Kaspersky Security for Microsoft Exchange Servers", publisher: AO, versions: ["9.6.96.0"], defenderVendor: "kaspersky", defenderName: "security_for_microsoft_exchange_servers", arpBothViews: false, hasSignatures: true },
  kscServer: { catalogId: "ksc-server", vendor: K, name: "Kaspersky Security Center 14.2 Administration Server", publisher: AO, versions: ["14.2.0.26967"], defenderVendor: "kaspersky", defenderName: "security_center", arpBothViews: false, hasSignatures: false },
  kis: { catalogId: "kis", vendor: K, name: "Kaspersky Internet Security", publisher: "Kaspersky", versions: ["21.3.10.391"], defenderVendor: "kaspersky", defenderName: "internet_security", arpBothViews: false, hasSignatures: true },
  kasperskyPlus: { catalogId: "kaspersky-consumer", vendor: K, name: "Kaspersky Plus", publisher: "Kaspersky", versions: ["21.15.8.493", "21.16.6.467"], defenderVendor: "kaspersky", defenderName: "kaspersky_plus", arpBothViews: false, hasSignatures: true },
  kavSdk: { catalogId: "kav-sdk", vendor: K, name: "Kaspersky Anti-Virus SDK", publisher: AO, versions: ["8.9.2.595"], defenderVendor: "kaspersky", defenderName: "anti-virus_sdk", arpBothViews: false, hasSignatures: true },
  ultraAv: { catalogId: null, vendor: "Pango", name: "UltraAV", publisher: "Pango GP", versions: ["1.8.9"], defenderVendor: "pango", defenderName: "ultraav", arpBothViews: false, hasSignatures: true },
  mdeLinux: { catalogId: null, vendor: "Microsoft", name: "mdatp", publisher: "Microsoft", versions: ["101.24082.0004"], defenderVendor: "microsoft", defenderName: "defender_for_endpoint", arpBothViews: false, hasSignatures: true },
  mdeMac: { catalogId: null, vendor: "Microsoft", name: "Microsoft Defender", publisher: "Microsoft Corporation", versions: ["101.24092.0004"], defenderVendor: "microsoft", defenderName: "defender_for_endpoint", arpBothViews: false, hasSignatures: true },
  falcon: { catalogId: null, vendor: "CrowdStrike", name: "CrowdStrike Windows Sensor", publisher: "CrowdStrike, Inc.", versions: ["7.18.18710.0"], defenderVendor: "crowdstrike", defenderName: "falcon_sensor", arpBothViews: false, hasSignatures: false },
  falconLinux: { catalogId: null, vendor: "CrowdStrike", name: "falcon-sensor", publisher: "CrowdStrike, Inc.", versions: ["7.17.0-17005"], defenderVendor: "crowdstrike", defenderName: "falcon_sensor", arpBothViews: false, hasSignatures: false },
} as const satisfies Record<string, SecurityTitle>;

export type TitleKey = keyof typeof TITLES;
