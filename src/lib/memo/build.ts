import type { Evaluation } from "../model/evaluate.js";
import type { ExposureReport } from "../model/exposure-report.js";
import type { ApplicableObligation } from "../regulation/obligations.js";
import type { Decision } from "../scenario/compare.js";
import { nextDeadline } from "../scenario/compare.js";
import type { Assumption, Scenario, Source } from "../schema/index.js";
import { count, money, percent, type Block, type MemoDocument, type Section } from "./document.js";

/** Everything a memo says, computed before it is written. */
export interface MemoInputs {
  scenario: Scenario;
  evaluation: Omit<Evaluation, "draws">;
  /** Other scenarios it was compared with (may be empty). */
  alternatives: Omit<Evaluation, "draws">[];
  decision: Decision | null;
  obligations: ApplicableObligation[];
  fleet: { devices: number; kasperskyDevices: number; byUnit: { unit: string; devices: number; kaspersky: number }[] };
  exposure: Pick<ExposureReport, "valueOfInformation" | "tornado" | "fleetMultiplier" | "frozenWeightShare">;
  /** Every assumption in force, with whether the scenario changed it. */
  assumptions: (Assumption & { changed: boolean })[];
  software: { name: string; version: string };
  /** SHA-256 of the inputs (scenario, data files and trial counts), hex. */
  contentHash: string;
  trials: { loss: number; cost: number; timeline: number };
}

const para = (text: string): Block => ({ kind: "paragraph", text });

/** The decision memo: plain, board-ready prose around the figures, then the ledger, sources and appendix. */
export function buildMemo(m: MemoInputs): MemoDocument {
  const e = m.evaluation;
  const s = m.scenario;
  const deadline = nextDeadline(e as Evaluation);
  const legal = m.obligations.filter((o) => o.class === "legal-prohibition" || o.class === "contractual");
  const recommended = m.decision?.recommendation;
  const sections: Section[] = [
    {
      id: "summary",
      heading: "Executive summary",
      blocks: [
        para(
          `${s.profile.name} runs a Kaspersky product the US prohibition covers on ${count(m.fleet.kasperskyDevices)} of its ${count(m.fleet.devices)} devices; ${count(e.frozenDevices)} have protection frozen since updates stopped on 29 September 2024. ` +
            `Under "${s.name}" (${e.optionName}), the expected loss over the coming year is ${money(e.loss.mean)}, with a one-in-ten bad year at ${money(e.loss.p90)} or more, and the replacement costs ${money(e.cost.p[50])} (80% range ${money(e.cost.p[10])}–${money(e.cost.p[90])}) over ${s.horizonMonths ?? 36} months.`,
        ),
        para(
          e.completion
            ? `Kaspersky would be gone by ${e.completion} in the median case${deadline ? `; the probability of meeting "${deadline.deadline.label}" (${deadline.deadline.date}) is ${percent(deadline.probability)}` : ""}.`
            : "This scenario does not replace Kaspersky: the frozen installs stay, and so does their exposure.",
        ),
        ...(recommended ? [para(`Recommendation: ${recommended.name}. ${recommended.reasons.map((r) => r[0]!.toUpperCase() + r.slice(1)).join("; ")}.`)] : []),
      ],
    },
    {
      id: "situation",
      heading: "The situation",
      blocks: [
        para(
          "In June 2024 the US Commerce Department barred Kaspersky from selling to US persons from 20 July 2024 and from shipping signature or code updates, or running its cloud service, from 00:00 EDT on 29 September 2024 (Final Determination ICTS-2021-002, 89 FR 52434). Installed copies keep running, but go stale.",
        ),
        legal.length
          ? { kind: "table", caption: `Obligations that bind ${s.profile.name}`, columns: ["Date", "Where", "Kind", "What it means", "Citation"], rows: legal.map((o) => [o.date, o.jurisdiction, o.class === "legal-prohibition" ? "Legal prohibition" : "Contractual", o.effect, o.citation]) }
          : para(`No legal prohibition or contractual obligation on using Kaspersky binds ${s.profile.name}: continued use is not penalised, but it is unsupported and its risk grows.`),
      ],
    },
    {
      id: "where",
      heading: "Where Kaspersky runs",
      blocks: [
        { kind: "table", caption: "Devices by business unit", columns: ["Business unit", "Devices", "Running Kaspersky"], rows: m.fleet.byUnit.map((u) => [u.unit, count(u.devices), count(u.kaspersky)]) },
        { kind: "figure", id: "by-unit", title: "Devices running Kaspersky (red) and the rest (grey), by business unit", alt: `Bar chart of devices per business unit, split into those running Kaspersky and the rest; ${m.fleet.byUnit.map((u) => `${u.unit}: ${u.kaspersky} of ${u.devices}`).join("; ")}.` },
      ],
    },
    {
      id: "exposure",
      heading: "Exposure and expected loss",
      blocks: [
        para(
          `Frozen devices weigh ${percent(m.exposure.frozenWeightShare)} of the fleet once criticality, internet exposure and data sensitivity are counted, raising the fleet's infection rate to ${m.exposure.fleetMultiplier.toFixed(2)} times that of a fully protected fleet. ` +
            `Expected loss over the coming year: ${money(e.loss.mean)} (Monte Carlo standard error ${money(e.loss.standardError)}); 90th percentile ${money(e.loss.p90)}${e.loss.toleranceProbability === null ? "" : `; probability of a year's loss above the tolerance of ${money(s.riskTolerance!)}: ${percent(e.loss.toleranceProbability)}`}.`,
        ),
      ],
    },
    {
      id: "options",
      heading: "Options compared",
      blocks: m.alternatives.length
        ? [
            {
              kind: "table",
              caption: "Scenarios side by side",
              columns: ["Scenario", "Replacement", "Expected loss, coming year", "Cost P10–P90", "Kaspersky gone (median)", deadline ? `P(${deadline.deadline.label})` : "Next deadline"],
              rows: [e, ...m.alternatives].map((x) => [x.name, x.optionName, money(x.loss.mean), `${money(x.cost.p[10])}–${money(x.cost.p[90])}`, x.completion ?? "not planned", nextDeadline(x as Evaluation) ? percent(nextDeadline(x as Evaluation)!.probability) : "—"]),
            },
            { kind: "figure", id: "cost-risk", title: "Cost against risk", alt: `Scatter of each scenario's median cost against its expected loss: ${[e, ...m.alternatives].map((x) => `${x.name} ${money(x.cost.p[50])} and ${money(x.loss.mean)}`).join("; ")}.` },
          ]
        : [para("No alternatives were compared for this memo.")],
    },
    {
      id: "plan",
      heading: "The plan and its deadlines",
      blocks: [
        e.deadlines.length
          ? { kind: "table", caption: "Deadlines", columns: ["Date", "Deadline", "Kind", "Probability of meeting it"], rows: e.deadlines.map((d) => [d.deadline.date, d.deadline.label, d.deadline.kind, d.passed ? "passed before the plan starts" : percent(d.probability)]) }
          : para("No deadline applies."),
        ...(e.frozenDeviceDays === null ? [] : [para(`Until the migration is done the organisation carries about ${count(e.frozenDeviceDays)} device-days on frozen protection (median).`)]),
      ],
    },
    {
      id: "risks",
      heading: "What would change the recommendation",
      blocks: [
        { kind: "list", items: m.exposure.valueOfInformation.slice(0, 2).map((v) => `${v.label}: explains ${percent(v.share)} of the uncertainty in expected loss; a better estimate would narrow the range most.`) },
        { kind: "list", items: m.exposure.tornado.slice(0, 3).map((t) => `${t.label}: from ${t.low} to ${t.high} moves expected loss from ${money(t.outputAtLow)} to ${money(t.outputAtHigh)}.`) },
      ],
    },
    ...s.narrative.map((n) => ({ id: `note-${n.id}`, heading: n.heading || "Note", blocks: n.text.split(/\n{2,}/).map(para) })),
    {
      id: "ledger",
      heading: "Assumption ledger",
      blocks: [
        {
          kind: "table",
          caption: "Inputs, their values and their basis (changed: set by this scenario)",
          columns: ["Assumption", "Value", "Unit", "Basis", "Changed"],
          rows: m.assumptions.map((a) => [a.label, a.value.kind === "point" ? String(a.value.value) : `${a.value.low} / ${a.value.likely} / ${a.value.high}`, a.unit, a.confidence === "assumption" ? "assumption" : `${a.confidence}: ${a.sources[0]?.url ?? ""}`, a.changed ? "yes" : ""]),
        },
      ],
    },
    { id: "sources", heading: "Sources", blocks: [{ kind: "list", items: uniqueSources(m).map((src) => (src.title ? `${src.title}: ${src.url}` : src.url)) }] },
    {
      id: "appendix",
      heading: "Appendix: how to reproduce every figure",
      blocks: [
        para(
          `Generated by ${m.software.name} ${m.software.version} for the scenario below, as of ${s.asOf}, with seed ${s.seed} and ${count(m.trials.loss)} loss trials, ${count(m.trials.cost)} cost trials and ${count(m.trials.timeline)} schedule trials. Content hash (SHA-256 of the inputs): ${m.contentHash}. Running "offramp memo" on this scenario, with the same inventory and data files, gives the same figures.`,
        ),
        { kind: "code", language: "json", text: JSON.stringify(s, null, 2) },
      ],
    },
  ];
  return { title: `Leaving Kaspersky: ${s.profile.name}`, subtitle: `Decision memo for the board, scenario "${s.name}"`, date: s.asOf, sections };
}

function uniqueSources(m: MemoInputs): Source[] {
  const seen = new Map<string, Source>();
  for (const o of m.obligations) for (const src of o.sources) if (!seen.has(src.url)) seen.set(src.url, src);
  for (const a of m.assumptions) for (const src of a.sources) if (!seen.has(src.url)) seen.set(src.url, src);
  return [...seen.values()];
}
