/**
 * Headline figures over a large fleet: Offramp's `headline` against arquero computing the same
 * counts, in the same run. The fleet is the sample organisation repeated to 100,000 devices.
 */
import * as aq from "arquero";
import { headline } from "../src/lib/model/headline.js";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { loadFleet } from "../loaders/data/workbook.js";
import { time, type BenchResult } from "./timing.js";

export async function benchHeadline(size = 100_000): Promise<BenchResult> {
  const fleet = await loadFleet();
  const rows: FleetRow[] = Array.from({ length: size }, (_, i) => fleet.rows[i % fleet.rows.length]!);
  const options = { asOf: "2026-11-25", updatesStopped: fleet.updatesStopped.date, businessUnit: "Logistics" };

  const ours = time(() => headline(rows, options));
  const table = aq.from(rows.map((r) => ({ unit: r.businessUnit, kaspersky: r.coveredProducts.length > 0, signatureDate: r.signatureDate })));
  const peer = time(() =>
    table
      .params({ unit: options.businessUnit, cutoff: options.updatesStopped })
      .filter((d: { unit: string }, $: { unit: string }) => d.unit === $.unit)
      .rollup({
        devices: aq.op.count(),
        kaspersky: (d: { kaspersky: boolean }) => aq.op.sum(d.kaspersky ? 1 : 0),
        frozen: (d: { kaspersky: boolean; signatureDate: string | null }, $: { cutoff: string }) => aq.op.sum(d.kaspersky && d.signatureDate !== null && d.signatureDate <= $.cutoff ? 1 : 0),
      })
      .objects(),
  );
  const check = headline(rows, options);
  const peerResult = peer.result[0] as { devices: number; kaspersky: number; frozen: number };
  if (peerResult.devices !== check.devices || peerResult.kaspersky !== check.kasperskyDevices || peerResult.frozen !== check.frozenDevices) {
    throw new Error(`headline and arquero disagree: ${JSON.stringify(check)} vs ${JSON.stringify(peerResult)}`);
  }
  return { name: `headline figures, ${size.toLocaleString("en-US")} devices`, ours: ours.ms, peerName: "arquero (table prepared beforehand)", peer: peer.ms };
}
