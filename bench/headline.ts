/**
 * Headline figures over a large fleet: Offramp's `headline` against arquero computing the same
 * counts, in the same run. The fleet is the sample organisation repeated to 100,000 devices.
 */
import { readFileSync } from "node:fs";
import * as aq from "arquero";
import { frozenRule } from "../src/lib/model/frozen.js";
import { headline } from "../src/lib/model/headline.js";
import type { FleetRow } from "../src/lib/model/fleet.js";
import { assumptionIndex } from "../src/lib/model/parameters.js";
import { loadFleet } from "../loaders/data/workbook.js";
import { time, type BenchResult } from "./timing.js";

export async function benchHeadline(size = 100_000): Promise<BenchResult> {
  const fleet = await loadFleet();
  const rows: FleetRow[] = Array.from({ length: size }, (_, i) => fleet.rows[i % fleet.rows.length]!);
  const defaults = JSON.parse(readFileSync("data/assumptions.json", "utf8")).assumptions;
  const profile = JSON.parse(readFileSync("data/profiles/sample-organisation.json", "utf8")).profile;
  const options = { asOf: "2026-11-25", updatesStopped: fleet.updatesStopped.date, businessUnit: "Logistics", rule: frozenRule(profile, assumptionIndex(defaults)), profile };

  const ours = time(() => headline(rows, options));
  // The same definitions (src/lib/model/frozen.ts) as columns: Kaspersky, frozen by date or by the rule, a violation.
  const table = aq.from(rows.map((r) => ({ unit: r.businessUnit, kaspersky: r.coveredProducts.length > 0, protection: r.coveredProtection, signatureDate: r.signatureDate })));
  type Row = { kaspersky: boolean; protection: boolean; signatureDate: string | null };
  type Params = { unit: string; cutoff: string; assume: boolean; barred: boolean };
  const peer = time(() =>
    table
      .params({ unit: options.businessUnit, cutoff: options.updatesStopped, assume: options.rule.assumeFrozen, barred: profile.federalAgency || profile.federalContractor })
      .filter((d: { unit: string }, $: Params) => d.unit === $.unit)
      .rollup({
        devices: aq.op.count(),
        kaspersky: (d: Row) => aq.op.sum(d.kaspersky ? 1 : 0),
        frozen: (d: Row, $: Params) => aq.op.sum(d.protection && (d.signatureDate !== null ? d.signatureDate <= $.cutoff : $.assume) ? 1 : 0),
        assumed: (d: Row, $: Params) => aq.op.sum(d.protection && d.signatureDate === null && $.assume ? 1 : 0),
        violations: (d: Row, $: Params) => aq.op.sum(d.kaspersky && $.barred ? 1 : 0),
      })
      .objects(),
  );
  const check = headline(rows, options);
  const peerResult = peer.result[0] as { devices: number; kaspersky: number; frozen: number; assumed: number; violations: number };
  if (peerResult.devices !== check.devices || peerResult.kaspersky !== check.kasperskyDevices || peerResult.frozen !== check.frozenDevices || peerResult.assumed !== check.assumedFrozen || peerResult.violations !== check.violations) {
    throw new Error(`headline and arquero disagree: ${JSON.stringify(check)} vs ${JSON.stringify(peerResult)}`);
  }
  return { name: `headline figures, ${size.toLocaleString("en-US")} devices`, ours: ours.ms, peerName: "arquero (table prepared beforehand)", peer: peer.ms };
}
