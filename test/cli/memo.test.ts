import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-memo-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const SCENARIO = "data/scenarios/presets/phased-by-criticality.json";
const COMPARE = ["--compare", "data/scenarios/presets/rip-and-replace-now.json", "--compare", "data/scenarios/presets/accept-and-isolate.json"];

async function memo(format: string, out: string, extra: string[] = [], scenario = SCENARIO) {
  await run(process.execPath, [resolve("cli/offramp.js"), "memo", "--scenario", scenario, ...COMPARE, "--trials", "3000", "--format", format, "--out", out, ...extra], { maxBuffer: 1 << 24 });
  return readFileSync(out);
}

/** Everything but the appendix, whose scenario JSON names its own file paths. */
const figuresOf = (markdown: string) => markdown.slice(0, markdown.indexOf("## Appendix"));

describe("offramp memo", () => {
  let md: string;
  beforeAll(async () => {
    md = (await memo("md", join(temp, "a.md"))).toString();
  }, 120_000);

  it("writes the memo's sections with figures rounded for a board, and a reproducible appendix", () => {
    for (const heading of ["Executive summary", "The situation", "Where Kaspersky runs", "Exposure and expected loss", "Options compared", "The plan and its deadlines", "What further information is worth, and what would change the decision", "Assumption ledger", "Sources", "Appendix: how to reproduce every figure"]) expect(md).toContain(`## ${heading}`);
    expect(md).toMatch(/expected loss over the coming year if nothing is done is \$\d{3}k/);
    expect(md).toMatch(/Content hash \(SHA-256 of the inputs[^)]*\): [0-9a-f]{64}/);
    expect(md).toMatch(/!\[Bar chart of devices per business unit[^\]]*\]\(data:image\/svg\+xml;base64,/);
  });

  it("prints the same figures as offramp model --json on the same scenario, comparison and trials", async () => {
    const { stdout } = await run(process.execPath, [resolve("cli/offramp.js"), "model", "--scenario", SCENARIO, ...COMPARE, "--trials", "3000", "--json"], { maxBuffer: 1 << 26 });
    const model = JSON.parse(stdout);
    const e = model.evaluation;
    const money = (x: number) => (x >= 1e6 ? `$${(x / 1e6).toPrecision(3)}M` : x >= 1e3 ? `$${(x / 1e3).toPrecision(3)}k` : `$${Math.round(x)}`);
    expect(md).toContain(`protection on ${e.counts.frozenDevices.toLocaleString("en-US")} of these devices`);
    expect(md).toContain(`if nothing is done is ${money(e.lossDoingNothing.mean)}`);
    expect(md).toContain(`with this plan ("${e.name}", ${e.optionName}) is ${money(e.lossWithPlan.mean)}`);
    expect(md).toContain(`Recommendation: "${model.decision.recommendation.name}"`);
  }, 120_000);

  it("gives byte-identical Markdown and HTML for the same inputs and seed", async () => {
    expect((await memo("md", join(temp, "b.md"))).toString()).toBe(md);
    const h1 = await memo("html", join(temp, "a.html"));
    const h2 = await memo("html", join(temp, "b.html"));
    expect(h1.equals(h2)).toBe(true);
  }, 120_000);

  it("writes HTML that stands alone: no script, nothing to fetch, and a policy that forbids fetching", async () => {
    const html = (await memo("html", join(temp, "c.html"))).toString();
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|\ssrc="http|\shref="http/);
    expect(html).toContain("<svg");
  }, 120_000);

  it("writes a DOCX that reads back as a Word document with headings, tables and the charts as images", async () => {
    const files = unzipSync(new Uint8Array(await memo("docx", join(temp, "m.docx"))));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain("Executive summary");
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("Devices by business unit");
    expect(Object.keys(files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toHaveLength(2);
  }, 120_000);

  it("writes a PDF with the memo's text and page numbers", async () => {
    await memo("pdf", join(temp, "m.pdf"));
    const text = execFileSync("pdftotext", ["-layout", join(temp, "m.pdf"), "-"]).toString();
    expect(text.replace(/\s+/g, " ")).toContain("Leaving Kaspersky: Halvorsen Freight & Supply, Inc.");
    expect(text).toContain("Executive summary");
    expect(text).toMatch(/Page 1 of \d+/);
  }, 120_000);

  it("regenerated from its own appendix, reproduces every figure", async () => {
    const json = md.slice(md.indexOf("```json\n") + 8, md.indexOf("\n```", md.indexOf("```json\n")));
    const scenario = JSON.parse(json);
    const copy = join(resolve("data/scenarios/presets"), ".regenerated-from-appendix.json");
    writeFileSync(copy, JSON.stringify(scenario));
    try {
      const again = (await memo("md", join(temp, "again.md"), [], copy)).toString();
      expect(figuresOf(again)).toBe(figuresOf(md));
    } finally {
      rmSync(copy);
    }
  }, 120_000);

  it("names what is missing", async () => {
    const result = await run(process.execPath, [resolve("cli/offramp.js"), "memo", "--scenario", SCENARIO, "--format", "odt", "--out", join(temp, "x")]).catch((e) => e as { code: number; stderr: string });
    expect((result as { code: number }).code).toBe(2);
    expect((result as { stderr: string }).stderr).toMatch(/--format: one of md, html, docx, pdf/);
  });
});
