import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildMemo, longDate, type MemoInputs } from "../../../src/lib/memo/build.js";
import type { Block, MemoDocument } from "../../../src/lib/memo/document.js";
import { toHtml } from "../../../src/lib/memo/html.js";
import { toMarkdown } from "../../../src/lib/memo/markdown.js";
import { federalContractor, germanSubsidiary, privateCompany } from "./fixtures.js";

const FIXTURES = { federalContractor, privateCompany, germanSubsidiary };

const section = (memo: MemoDocument, id: string) => {
  const s = memo.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section "${id}"`);
  return s;
};
const text = (b: Block): string[] => (b.kind === "paragraph" ? [b.text] : b.kind === "list" ? b.items : b.kind === "table" ? [b.caption, ...b.columns, ...b.rows.flat()] : b.kind === "figure" ? [b.title, b.alt] : []);
/** Everything a reader reads (the scenario's JSON in the appendix left out). */
const prose = (memo: MemoDocument) => memo.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(text)]).join("\n");
const sentences = (memo: MemoDocument) => prose(memo).split(/(?<=[.:;])\s+|\n/);
const firstParagraph = (memo: MemoDocument) => {
  const b = section(memo, "summary").blocks[0]!;
  if (b.kind !== "paragraph") throw new Error("the summary starts with a paragraph");
  return b.text;
};
const summary = (memo: MemoDocument) => section(memo, "summary").blocks.flatMap(text).join("\n");

describe("the memo's first paragraph: what binds the organisation, before any risk figure", () => {
  it("a federal contractor leads with its violations and the contract obligation it breaches", () => {
    expect(firstParagraph(buildMemo(federalContractor))).toBe(
      "120 of US federal contractor's 850 devices run Kaspersky products that its contracts bar. " +
        "Kaspersky products, including embedded engines, may not be delivered to the government or used to perform federal contracts; the FAR clause carries this into contracts (in force since 1 October 2018: Pub. L. 115-91 §1634(b); 48 CFR 4.2002). " +
        "Each of these devices is a breach today, whatever the risk figures below say: removing them is an obligation, not a choice to weigh against cost. " +
        "Protection on 112 of them has also been frozen since Kaspersky's updates to US persons stopped at 00:00 EDT on 29 September 2024, under 89 FR 52434 (Case No. ICTS-2021-002). " +
        "That count includes 14 devices assumed frozen (no signature date in any export).",
    );
  });

  it("a private US company is told that continued use is lawful, but unsupported", () => {
    expect(firstParagraph(buildMemo(privateCompany))).toBe(
      "Private US company runs Kaspersky products on 340 of its 1,200 devices. " +
        "Continued use is lawful for Private US company: under 89 FR 52434 (Case No. ICTS-2021-002), BIS bars Kaspersky's sales to US persons from 20 July 2024 and its updates to their copies from 00:00 EDT on 29 September 2024, not the use of copies already installed, and no law or contract requires it to remove them by a date. " +
        "But continued use is unsupported: protection on 318 of these devices has been frozen since the update cutoff (no new signatures, no Kaspersky Security Network lookups), and the risk grows as the signatures age. " +
        "That count includes 27 devices assumed frozen (no signature date in any export).",
    );
  });

  it("a German subsidiary is told the US prohibition does not bind it, and which German measure applies", () => {
    expect(firstParagraph(buildMemo(germanSubsidiary))).toBe(
      "German subsidiary runs Kaspersky products on 210 of its 640 devices. " +
        "It is not a US person, so the US prohibition does not bind it directly: under 89 FR 52434 (Case No. ICTS-2021-002), BIS bars Kaspersky's sales and updates to US persons only (sales from 20 July 2024, updates from 00:00 EDT on 29 September 2024). " +
        "In Germany, one measure applies to it: BSI warns against Kaspersky anti-virus and recommends replacing it with alternative products (§7 BSIG, 15 March 2022), which is advice, not a prohibition. " +
        "No measure that applies to it requires removing Kaspersky by a date, so continued use is lawful. " +
        "Even so, protection on 35 of its Kaspersky devices has not updated since the update cutoff, so it counts as frozen.",
    );
  });

  it("cites an obligation without nesting parentheses", () => {
    const [ndaa] = federalContractor.obligations.filter((o) => o.deadline);
    const agency: MemoInputs = {
      ...federalContractor,
      obligations: [{ ...ndaa!, class: "legal-prohibition", effect: "No federal entity may use any Kaspersky product (§1634 has no carve-out)." }, { ...ndaa!, eventId: "CUTOFF", date: "2024-09-29", instant: "2024-09-29T04:00:00.000Z", class: "legal-prohibition", effect: "Resale is prohibited.", citation: "Rule (Case 1)" }],
    };
    const first = firstParagraph(buildMemo(agency));
    expect(first).toContain("that the law bars.");
    expect(first).toContain("No federal entity may use any Kaspersky product (§1634 has no carve-out), in force since 1 October 2018 under Pub. L. 115-91 §1634(b); 48 CFR 4.2002.");
    expect(first).toContain("Resale is prohibited, in force since 29 September 2024 under Rule (Case 1).");
  });

  it("states no risk figure before the obligations", () => {
    for (const m of Object.values(FIXTURES)) expect(firstParagraph(buildMemo(m))).not.toContain("$");
  });

  it("says so when none of the organisation's own jurisdiction's measures applies", () => {
    expect(firstParagraph(buildMemo({ ...germanSubsidiary, obligations: [] }))).toContain("No measure of Germany on Kaspersky applies to it.");
  });

  it("takes the vendor's milestones from the inputs, never from the text", () => {
    const moved: MemoInputs = {
      ...privateCompany,
      milestones: {
        salesStopped: { ...privateCompany.milestones.salesStopped, date: "2031-02-03", citation: "Test Rule A" },
        updatesStopped: { ...privateCompany.milestones.updatesStopped, date: "2031-04-05", time: "12:00 UTC", citation: "Test Rule A" },
      },
    };
    const first = firstParagraph(buildMemo(moved));
    expect(first).toContain("under Test Rule A, BIS bars Kaspersky's sales to US persons from 3 February 2031 and its updates to their copies from 12:00 UTC on 5 April 2031");
    expect(first).not.toMatch(/2024/);
    const situation = section(buildMemo(moved), "situation").blocks[0]!;
    expect(text(situation)[0]).toBe(
      "Kaspersky is barred from selling to US persons from 3 February 2031 and from updating their copies (signatures, code and the Kaspersky Security Network) from 12:00 UTC on 5 April 2031, under Test Rule A. Installed copies keep running, but go stale.",
    );
  });

  it("leaves out the assumed-frozen sentence when every frozen device has a signature date", () => {
    expect(firstParagraph(buildMemo({ ...privateCompany, evaluation: { ...privateCompany.evaluation, counts: { ...privateCompany.evaluation.counts, assumedFrozen: 0 } } }))).not.toContain("assumed frozen");
  });
});

describe("wording a board cannot misread", () => {
  it("never prints '$0 or more', '80 against 80' or 'passed'", () => {
    for (const m of Object.values(FIXTURES)) {
      const memo = buildMemo(m);
      const all = toMarkdown(memo);
      expect(all).not.toContain("$0 or more");
      expect(all).not.toContain("or more");
      expect(all).not.toContain("80 against 80");
      expect(all).not.toContain("passed before");
      expect(prose(memo)).not.toMatch(/\bpassed\b/);
    }
  });

  it("calls a deadline that fell before the as-of date already missed", () => {
    const plan = section(buildMemo(federalContractor), "plan").blocks[0]!;
    expect(plan.kind).toBe("table");
    if (plan.kind !== "table") return;
    expect(plan.rows[0]).toEqual(["1 October 2018", "Statutory prohibition on federal use of Kaspersky products/services takes effect", "contractual", "already missed (before the as-of date)"]);
    expect(plan.rows[1]).toEqual(["31 March 2027", "Prime contract recompete: no Kaspersky attested", "contractual", "at risk (P 62.0% ± 0.5%)"]);
  });

  it("calls a deadline the plan starts after missed before the plan starts, in the table and the summary", () => {
    // The recompete is due on 31 March 2027; this plan starts on 1 May 2027, so no schedule meets it (P = 0).
    const e = federalContractor.evaluation;
    const late = buildMemo({
      ...federalContractor,
      scenario: { ...federalContractor.scenario, plan: { ...federalContractor.scenario.plan!, start: "2027-05-01" } },
      evaluation: { ...e, deadlines: e.deadlines.map((d) => (d.deadline.id === "recompete" ? { ...d, probability: 0, standardError: 0 } : d)) },
    });
    const plan = section(late, "plan").blocks[0]!;
    if (plan.kind !== "table") throw new Error("the plan section starts with the deadlines table");
    expect(plan.rows.map((r) => r[3])).toEqual(["already missed (before the as-of date)", "missed before the plan starts", "met (P 81.0%)"]);
    expect(summary(late)).toContain('The deadline "Prime contract recompete: no Kaspersky attested" (31 March 2027) is missed before the plan starts (on 1 May 2027): no schedule can meet it.');
    expect(summary(buildMemo(federalContractor))).toContain('The deadline "Prime contract recompete: no Kaspersky attested" (31 March 2027) is at risk: the probability of meeting it is 62% (± 0.5%).');
  });

  it("says that nine years in ten bring no loss event when the P90 is zero", () => {
    const memo = buildMemo(privateCompany);
    expect(summary(memo)).toContain("With this plan, in at least nine years in ten there would be no material loss event.");
    expect(prose(memo)).not.toContain("exceed $0");
    // The do-nothing P90 is not zero: it gets the one-year-in-ten wording.
    expect(prose(memo)).toContain("Doing nothing, in one year in ten the loss would exceed $120k.");
  });

  it("names the two losses apart, with what the plan saves and what frozen Kaspersky adds", () => {
    const s = summary(buildMemo(federalContractor));
    expect(s).toContain("The expected loss over the coming year if nothing is done is $412k (± $9.80k): frozen Kaspersky adds $316k (± $8.90k) of it, and $96.0k (± $2.10k) is the baseline no option removes");
    expect(s).toContain('The expected loss over the coming year with this plan ("Fast cut-over", Microsoft Defender for Endpoint) is $221k (± $6.40k): the plan saves $191k (± $4.10k) in the coming year.');
    expect(s).toContain("With this plan, in one year in ten the loss would exceed $640k.");
  });

  it("never puts the do-nothing multiplier or tornado in a sentence with the loss under the plan", () => {
    for (const m of Object.values(FIXTURES)) {
      for (const s of sentences(buildMemo(m))) {
        if (/times that of a fully protected fleet|moves the expected loss/.test(s)) {
          expect(s).toMatch(/doing nothing|if nothing is done/i);
          expect(s).not.toMatch(/with (this|the) plan/);
        }
      }
    }
  });
});

describe("the decision", () => {
  it("calls a difference within Monte Carlo error a tie, in the summary and in the ranking", () => {
    const memo = buildMemo(privateCompany);
    expect(summary(memo)).toContain('"Replace with CrowdStrike" costs about the same overall, within Monte Carlo error: a tie');
    const ranking = section(memo, "options").blocks.find((b) => b.kind === "table" && b.caption.startsWith("Ranking"));
    if (ranking?.kind !== "table") throw new Error("no ranking table");
    expect(ranking.rows[0]![3]).toBe("best");
    expect(ranking.rows[1]![3]).toBe("$3.10k more (± $2.50k); cheaper in 47% of the simulated futures; within Monte Carlo error: a tie");
    // A clear winner is not a tie.
    expect(prose(buildMemo(federalContractor))).not.toContain("a tie");
  });

  it("says in the summary when the recommended option still misses a hard deadline", () => {
    expect(summary(buildMemo(federalContractor))).toContain(
      'The recommended option still misses a hard deadline: it meets "Prime contract recompete: no Kaspersky attested" (31 March 2027) with probability 62% only, and no option compared is likely to meet every legal and contractual deadline.',
    );
    expect(summary(buildMemo(privateCompany))).not.toContain("misses a hard deadline");
  });

  it("shows each scenario's figures side by side, with P(meeting each hard deadline) beside the ranking", () => {
    const blocks = section(buildMemo(federalContractor), "options").blocks;
    const [side, , lead, reasons, ranking] = blocks;
    if (side?.kind !== "table" || ranking?.kind !== "table" || reasons?.kind !== "list") throw new Error("unexpected options section");
    expect(side.columns).toEqual([
      "Scenario",
      "Replacement",
      "Cost over 36 months, median (P10–P90)",
      "Expected loss over the coming year, with the plan",
      "Cost + expected loss over 36 months (mean ± SE)",
      "Kaspersky gone (median; P80)",
      "P(meeting Prime contract recompete: no Kaspersky attested, 31 March 2027)",
    ]);
    expect(side.rows[0]).toEqual(["Fast cut-over", "Microsoft Defender for Endpoint", "$230k ($165k–$295k)", "$221k (± $6.40k)", "$613k (± $9.01k)", "12 March 2027; 20 April 2027", "at risk (P 62.0% ± 0.5%)"]);
    expect(lead).toEqual({ kind: "paragraph", text: 'Recommendation: "Fast cut-over". The reasons:' });
    expect(reasons.items[0]).toBe("It has the lowest expected cost plus loss over 36 months: $612,500 (± $9,100).");
    expect(ranking.columns.at(-1)).toBe("P(meeting Prime contract recompete: no Kaspersky attested, 31 March 2027)");
    expect(ranking.rows.map((r) => r.at(-1))).toEqual(["at risk (P 62.0% ± 0.5%)", "at risk (P 35.0% ± 0.5%)"]);
  });

  it("reports value of information and switching values", () => {
    const contractor = section(buildMemo(federalContractor), "information").blocks.flatMap(text);
    expect(contractor[0]).toMatch(/^Further research is unlikely to change the decision: knowing every uncertain input exactly would lower the expected cost of the decision by only about \$4\.20k/);
    // Threat turnover's EVPPI ($40) is below the noise: left out.
    expect(contractor.filter((t) => t.includes("knowing it exactly"))).toEqual([
      "The team's capacity (devices a week): knowing it exactly before choosing would be worth about $3.10k.",
      "Infection multiplier of stale anti-virus: knowing it exactly before choosing would be worth about $700.",
    ]);
    expect(contractor).toContain('If infection multiplier of stale anti-virus were below 1.62× (it is now drawn from 1.5–4×), "Phased replacement" would be cheaper overall than "Fast cut-over".');

    const company = section(buildMemo(privateCompany), "information").blocks.flatMap(text);
    expect(company[0]).toBe("Knowing every uncertain input exactly would lower the expected cost of the decision by about $12.0k (± $800): the most any research before choosing could be worth.");
    expect(company.filter((t) => t.includes("knowing it exactly"))).toHaveLength(3);
    expect(company).toContain('If the team\'s capacity (devices a week) were above 62 devices/week (it is now drawn from 21–78 devices/week), "Replace with CrowdStrike" would be cheaper overall than "Replace with Defender".');
  });

  it("without alternatives, says none were compared and offers no decision", () => {
    const memo = buildMemo(germanSubsidiary);
    expect(section(memo, "options").blocks).toEqual([{ kind: "paragraph", text: "No alternatives were compared for this memo, so there is no ranking and no recommendation: the figures are for this scenario alone." }]);
    expect(section(memo, "information").blocks.flatMap(text).join(" ")).toMatch(/^No alternatives were compared/);
    expect(summary(memo)).not.toContain("Recommendation");
    expect(memo.sections.some((s) => s.heading === "What would change the recommendation")).toBe(false);
  });
});

describe("plan, ledger and appendix", () => {
  it("mentions the frozen device-days, the devices kept and the sunk prepaid licences", () => {
    const contractor = section(buildMemo(federalContractor), "plan").blocks.flatMap(text);
    expect(contractor.some((t) => /until the migration is done \(within the \d+-month horizon\), the organisation carries about 21,400 device-days on frozen protection \(median across trials\)\./.test(t))).toBe(true);
    expect(contractor).toContain("Prepaid Kaspersky licences worth about $8.40k are sunk: the same whatever is chosen, so in no option's cost.");
    const german = section(buildMemo(germanSubsidiary), "plan").blocks.flatMap(text);
    expect(german).toContain("The option keeps 210 devices on Kaspersky: their exposure is in every loss figure for this scenario.");
    expect(german.join(" ")).not.toContain("sunk");
  });

  it("lists exactly the assumptions it is given in the ledger", () => {
    const ledger = section(buildMemo(privateCompany), "ledger").blocks[0]!;
    if (ledger.kind !== "table") throw new Error("no ledger table");
    expect(ledger.rows.map((r) => r[0])).toEqual(privateCompany.assumptions.map((a) => a.label));
    expect(ledger.rows[1]![4]).toBe("yes");
  });

  it("says how to reproduce every figure, and keeps the scenario's JSON", () => {
    const memo = buildMemo(privateCompany);
    const appendix = section(memo, "appendix").blocks;
    const words = appendix.flatMap((b) => (b.kind === "code" || b.kind === "paragraph" ? [b.text] : [])).join("\n");
    expect(words).toContain('"offramp model --scenario <file> --compare … --json"');
    expect(words).toContain('"offramp memo"');
    expect(words).toContain("seed 20240929 and 10,000 trials (one world per trial for the plan, the loss and the cost");
    expect(words).toContain(privateCompany.contentHash);
    expect(words).toContain("offramp model --scenario <file> --compare <alternative-1> --seed 20240929 --trials 10000 --json");
    const json = appendix.find((b) => b.kind === "code" && b.language === "json");
    if (json?.kind !== "code") throw new Error("no scenario JSON");
    expect(JSON.parse(json.text)).toEqual(privateCompany.scenario);
  });

  it("renders to Markdown and HTML", () => {
    for (const m of Object.values(FIXTURES)) {
      const memo = buildMemo(m);
      expect(toMarkdown(memo)).toContain("## Executive summary");
      expect(toHtml(memo)).toContain("Executive summary");
    }
  });

  it("formats dates as a board reads them", () => {
    expect([longDate("2024-09-29"), longDate("2018-10-01"), longDate("2017-07"), longDate("2019"), longDate("2024-09-29T04:00:00.000Z")]).toEqual(["29 September 2024", "1 October 2018", "July 2017", "2019", "29 September 2024"]);
  });
});

describe("build.ts", () => {
  it("writes no milestone date or citation by hand: they come from the timeline data", () => {
    const source = readFileSync(new URL("../../../src/lib/memo/build.ts", import.meta.url), "utf8");
    for (const pattern of [/\b20 July 2024\b/, /\b29 September 2024\b/, /\b30 September 2024\b/, /2024-07-20/, /2024-09-29/, /89 FR 52434/, /ICTS-2021-002/, /00:00 EDT/, /\bJune 2024\b/]) {
      expect(source).not.toMatch(pattern);
    }
  });
});

describe("the memo names the inventory its figures come from", () => {
  it("the appendix lists every export read with its rows, accepted and rejected, and the counts add up", () => {
    const appendix = section(buildMemo(federalContractor), "appendix");
    const table = appendix.blocks.find((b) => b.kind === "table" && b.caption.startsWith("Inventory exports read"));
    expect(table && table.kind === "table" && table.rows).toEqual([
      ["defender-tvm.csv", "defender-tvm", "9,412", "9,410", "2"],
      ["ksc-hosts.xlsx", "ksc", "120", "120", "0"],
    ]);
    expect(prose(buildMemo(federalContractor))).not.toMatch(/could not be read/);
  });

  it("an export that could not be read is named where the devices are counted and in the appendix, with its reason", () => {
    const memo = buildMemo(privateCompany);
    const where = section(memo, "where").blocks[0]!;
    expect(where).toEqual({ kind: "paragraph", text: "One inventory export could not be read (mecm-sales.csv), so the counts below cover only the exports that were; the appendix says why." });
    expect(section(memo, "appendix").blocks.flatMap(text)).toContain("Could not be read: mecm-sales.csv (cannot be read (ENOENT)).");
    expect(toMarkdown(memo, [])).toContain("| intune-devices.csv | intune | 1,200 | 1,200 | 0 |");
  });
});

describe("devices to review", () => {
  it("are named where the devices are counted, with their software, and said not to be counted", () => {
    expect(section(buildMemo(privateCompany), "where").blocks.flatMap(text)).toContain(
      "To review: one device runs software that may be Kaspersky's, or may be covered, which the catalog cannot decide on; it is not counted above: dev-ws-7 (KasperskyLab open-source developer libraries (Kaspresso, Kaspirin, klogga)). The Inventory page lists them all.",
    );
    expect(prose(buildMemo(federalContractor))).not.toMatch(/To review/);
  });
});
