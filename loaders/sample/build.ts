/**
 * Builds every file of the sample organisation in memory: its inventory exports and the ground
 * truth (canonical devices and installs, with the file and line where each install appears).
 * Pure and deterministic: the same seed gives the same bytes.
 */
import type { Device, Evidence, Install } from "../../src/lib/schema/index.js";
import { ORGANISATION } from "./catalogue.js";
import { cmdbAssets, FILE as CMDB_FILE, FORMAT as CMDB_FORMAT } from "./exports/cmdb-assets.js";
import { cyclonedx, FILE as SBOM_FILE, FORMAT as SBOM_FORMAT } from "./exports/cyclonedx.js";
import { defenderTvm, FILE as DEFENDER_FILE, FORMAT as DEFENDER_FORMAT } from "./exports/defender-tvm.js";
import { kscDevices, FILE as KSC_FILE, FORMAT as KSC_FORMAT } from "./exports/ksc-devices.js";
import { mecmArp, FILE as MECM_FILE, FORMAT as MECM_FORMAT } from "./exports/mecm-arp.js";
import type { See } from "./exports/see.js";
import { makeOrganisation, type Host, type SecurityInstall } from "./organisation.js";
import { buildSnapshots, SNAPSHOTS } from "./snapshots.js";

export const DEFAULT_SEED = 20240929;

export interface SampleManifest {
  organisation: string;
  seed: number;
  exportedAt: string;
  devices: number;
  /** Devices with at least one Kaspersky install that some export shows. */
  kasperskyDevices: number;
  installs: number;
  /** Security installs that no export shows: the blind spots of this organisation's tooling. */
  unseenInstalls: number;
  exports: { file: string; format: string; description: string; device?: string }[];
  truth: { devices: string; installs: string };
  /** Dated snapshots of the same exports part way through the migration (`offramp track`, the Progress page). */
  snapshots: { date: string; folder: string }[];
}

export interface Sample {
  /** Relative path → file content. */
  files: Map<string, string>;
  manifest: SampleManifest;
  devices: Device[];
  installs: Install[];
}

/** One JSON value per line inside an array: readable diffs, still plain JSON. */
function jsonLines(values: readonly unknown[]): string {
  return `[\n${values.map((v) => JSON.stringify(v)).join(",\n")}\n]\n`;
}

export function buildSample(seed = DEFAULT_SEED): Sample {
  const hosts = makeOrganisation(seed);
  const evidence = new Map<SecurityInstall, Evidence[]>();
  const see: See = (_host: Host, install, file, line, format) => {
    const list = evidence.get(install) ?? [];
    list.push({ file: `exports/${file}`, line, format });
    evidence.set(install, list);
  };
  const gateway = hosts.find((h) => h.status === "oem");
  if (!gateway) throw new Error("the sample organisation lost its mail gateway");
  const exportsByFile: [file: string, format: string, content: string, description: string][] = [
    [DEFENDER_FILE, DEFENDER_FORMAT, defenderTvm(hosts, see), "Microsoft Defender Vulnerability Management software inventory (Advanced Hunting DeviceTvmSoftwareInventory)"],
    [MECM_FILE, MECM_FORMAT, mecmArp(hosts, see, seed), "Configuration Manager Add/Remove Programs, 32- and 64-bit views unioned"],
    [KSC_FILE, KSC_FORMAT, kscDevices(hosts, see, seed), "Kaspersky Security Center device list, tab-delimited"],
    [CMDB_FILE, CMDB_FORMAT, cmdbAssets(hosts), "Asset register (CMDB) with business unit, site, tier and data classification"],
    [SBOM_FILE, SBOM_FORMAT, cyclonedx(gateway, see), "CycloneDX 1.6 SBOM of the mail-gateway appliance (white-label Kaspersky engine)"],
  ];

  const devices = hosts.map((h) => h.device);
  const installs: Install[] = [];
  let unseen = 0;
  for (const host of hosts) {
    for (const s of host.security) {
      const seenAt = evidence.get(s);
      if (!seenAt) {
        unseen++;
        continue;
      }
      installs.push({
        deviceId: host.device.id,
        vendor: s.title.vendor,
        product: s.title.name,
        catalogId: s.title.catalogId,
        version: s.version,
        installDate: s.installDate,
        signatureDate: s.signatureDate,
        evidence: seenAt,
      });
    }
  }
  const manifest: SampleManifest = {
    organisation: ORGANISATION.name,
    seed,
    exportedAt: ORGANISATION.exportedAt,
    devices: devices.length,
    kasperskyDevices: new Set(installs.filter((i) => i.vendor === "Kaspersky").map((i) => i.deviceId)).size,
    installs: installs.length,
    unseenInstalls: unseen,
    exports: exportsByFile.map(([file, format, , description]) => ({ file: `exports/${file}`, format, description, ...(file === SBOM_FILE ? { device: gateway.device.hostname } : {}) })),
    truth: { devices: "truth/devices.json", installs: "truth/installs.json" },
    snapshots: SNAPSHOTS.map((s) => ({ date: s.date, folder: `snapshots/${s.date}` })),
  };
  const files = new Map<string, string>();
  for (const [file, , content] of exportsByFile) files.set(`exports/${file}`, content);
  files.set("truth/devices.json", jsonLines(devices));
  files.set("truth/installs.json", jsonLines(installs));
  for (const [path, content] of buildSnapshots(hosts, seed)) files.set(path, content);
  files.set("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
  return { files, manifest, devices, installs };
}
