/**
 * Three monthly snapshots of the sample organisation part way through its migration, as the
 * phased plan would run it with realistic noise: waves in the plan's order (most critical,
 * internet-facing, servers, Finance, Logistics, the rest), a little behind the plan, a few
 * devices Kaspersky comes back to (re-imaged from an old image), a few new laptops imaged with
 * it, and a few devices missing from an export. Each snapshot is the same five exports as the
 * organisation's own, taken again.
 */
import { chance, pick } from "../../src/lib/engine/pick.js";
import { randomSource } from "../../src/lib/engine/prng.js";
import { TITLES, type TitleKey } from "./catalogue.js";
import { cmdbAssets } from "./exports/cmdb-assets.js";
import { cyclonedx } from "./exports/cyclonedx.js";
import { defenderTvm } from "./exports/defender-tvm.js";
import { kscDevices } from "./exports/ksc-devices.js";
import { mecmArp } from "./exports/mecm-arp.js";
import type { Host, SecurityInstall } from "./organisation.js";

/** The snapshots' dates, and the share of the devices running managed Kaspersky moved off it by each. */
export const SNAPSHOTS = [
  { date: "2027-02-15", migrated: 0.06 },
  { date: "2027-03-15", migrated: 0.24 },
  { date: "2027-04-15", migrated: 0.45 },
] as const;

/** The phased plan's waves, in order: a device's place in the migration. */
function waveOf(host: Host): number {
  const d = host.device;
  if (d.criticality === 1) return 0;
  if (d.internetFacing) return 1;
  if (d.deviceType === "server") return 2;
  if (d.businessUnit === "Finance") return 3;
  if (d.businessUnit === "Logistics") return 4;
  return 5;
}

const isKaspersky = (s: SecurityInstall) => s.title.vendor === "Kaspersky";

/** The replacement a migrated device gets, for its operating system. */
function replacementFor(host: Host): TitleKey {
  return host.os.family === "linux" ? "falconLinux" : host.os.family === "macos" ? "mdeMac" : "falcon";
}

function migrate(host: Host): Host {
  const key = replacementFor(host);
  const title = TITLES[key];
  return { ...host, status: "migrated", kscServer: null, kscLastConnected: null, security: [...host.security.filter((s) => !isKaspersky(s)), { key, title, version: title.versions[0]!, installDate: null, signatureDate: null }] };
}

/** Relative path → content for every snapshot, under `snapshots/DATE/`. */
export function buildSnapshots(hosts: readonly Host[], seed: number): Map<string, string> {
  const random = randomSource(seed ^ 0x736e6170);
  // Managed Kaspersky devices in the order the plan migrates them (within a wave, as listed).
  const active = hosts.filter((h) => h.status === "active").map((h, i) => ({ h, i, wave: waveOf(h) }));
  active.sort((a, b) => a.wave - b.wave || a.i - b.i);
  const order = active.map((a) => a.h);
  // New laptops imaged with Kaspersky from an old image, copied from existing ones.
  const newcomers = order.filter((h) => h.device.deviceType === "workstation" && h.os.family === "windows").slice(0, 4);
  const files = new Map<string, string>();
  const cameBack = new Set<Host>();
  let missing = new Set<Host>();
  SNAPSHOTS.forEach(({ date, migrated }, n) => {
    const done = new Set(order.slice(0, Math.round(order.length * migrated)));
    // From the second snapshot on: a few migrated devices come back with Kaspersky, and stay.
    if (n >= 1) for (const h of [...done].filter((x) => !cameBack.has(x)).slice(0, 3 * n)) if (chance(random, 0.5)) cameBack.add(h);
    // Each snapshot, a few Kaspersky devices are offline when the exports are taken.
    missing = new Set(order.filter((h) => !done.has(h) && chance(random, 0.004)));
    const taken: Host[] = [];
    for (const host of hosts) {
      if (missing.has(host)) continue;
      taken.push(done.has(host) && !cameBack.has(host) ? migrate(host) : host);
    }
    if (n >= 1) {
      for (const [k, model] of newcomers.entries()) {
        const hostname = `${model.device.hostname.split("-")[0]}-ws-9${String(k).padStart(3, "0")}`;
        const fqdn = `${hostname}${model.fqdn.slice(model.fqdn.indexOf("."))}`;
        taken.push({ ...model, fqdn, netbios: hostname.toUpperCase(), defenderId: `${pick(random, ["a", "b", "c"])}${model.defenderId.slice(1, -4)}${String(k).padStart(4, "0")}`, mecmResourceId: model.mecmResourceId + 900_000 + k, device: { ...model.device, id: `dev-${hostname}`, hostname } });
      }
    }
    const none = () => {};
    const folder = `snapshots/${date}`;
    files.set(`${folder}/defender-tvm-software-inventory.csv`, defenderTvm(taken, none));
    files.set(`${folder}/mecm-add-remove-programs.csv`, mecmArp(taken, none, seed));
    files.set(`${folder}/ksc-devices.csv`, kscDevices(taken, none, seed));
    files.set(`${folder}/cmdb-assets.csv`, cmdbAssets(taken));
    // The appliance is not migrated: its SBOM is taken again too (read, by its file name, as the scenario reads it: for its host).
    const gateway = taken.find((h) => h.status === "oem");
    if (gateway) files.set(`${folder}/mail-gateway.cdx.json`, cyclonedx(gateway, none));
  });
  return files;
}
