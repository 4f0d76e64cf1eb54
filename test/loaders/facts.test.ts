import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadFacts } from "../../loaders/data/facts.js";
import { DATA_DIR } from "../../loaders/data/paths.js";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "offramp-facts-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** A copy of data/'s fact files (no sample, no scenarios), to edit. */
function factsCopy(name: string): string {
  const root = join(temp, name);
  for (const f of ["catalogs", "timelines", "profiles", "assumptions.json", "pricebook.json", "replacement-options.json"]) cpSync(join(DATA_DIR, f), join(root, f), { recursive: true });
  return root;
}

describe("loadFacts", () => {
  it("reads and validates every fact file of a programme once, with the update cutoff", async () => {
    const facts = await loadFacts("kaspersky");
    expect(facts.programme).toBe("kaspersky");
    expect(facts.catalog.products.map((p) => p.id)).toEqual(json(join(DATA_DIR, "catalogs/kaspersky.json")).products.map((p: { id: string }) => p.id));
    expect(facts.compiled.byId("kes-windows")?.coveredByUsProhibition).toBe("yes");
    expect(facts.timeline.programme).toBe("kaspersky");
    expect(facts.defaults.map((a) => a.id)).toEqual(json(join(DATA_DIR, "assumptions.json")).assumptions.map((a: { id: string }) => a.id));
    expect(facts.book.products.length).toBe(json(join(DATA_DIR, "pricebook.json")).products.length);
    expect(facts.options.map((o) => o.id)).toContain("mixed-by-segment");
    // 00:00 EDT on 29 September 2024, an instant, not a day.
    expect(facts.updatesStopped).toMatchObject({ date: "2024-09-29", instant: "2024-09-29T04:00:00.000Z" });
    expect(facts.updatesStopped.citation).toMatch(/89 FR 52434/);
  });

  it("reads another root, and names the file and field of an invalid one", async () => {
    const root = factsCopy("edited");
    const assumptions = json(join(root, "assumptions.json"));
    assumptions.assumptions[0].label = "Edited in the copy";
    writeFileSync(join(root, "assumptions.json"), JSON.stringify(assumptions));
    expect((await loadFacts("kaspersky", root)).defaults[0]!.label).toBe("Edited in the copy");

    const book = json(join(root, "pricebook.json"));
    book.products[0].unit = "per-fortnight";
    writeFileSync(join(root, "pricebook.json"), JSON.stringify(book));
    await expect(loadFacts("kaspersky", root)).rejects.toThrow(new RegExp(`${join(root, "pricebook.json").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not valid[\\s\\S]*products\\[0\\]\\.unit`));
    await expect(loadFacts("nonesuch", factsCopy("plain"))).rejects.toThrow(/nonesuch\.json: cannot be read \(ENOENT\)/);
  });

  it("is what the Framework data loaders serve: they follow OFFRAMP_DATA_ROOT alike, the catalog included", async () => {
    const root = factsCopy("loaders");
    cpSync(join(DATA_DIR, "scenarios"), join(root, "scenarios"), { recursive: true });
    const catalog = json(join(root, "catalogs/kaspersky.json"));
    catalog.products[0].name = "Renamed in the copy";
    writeFileSync(join(root, "catalogs/kaspersky.json"), JSON.stringify(catalog));
    const assumptions = json(join(root, "assumptions.json"));
    assumptions.assumptions[0].label = "Edited in the copy";
    writeFileSync(join(root, "assumptions.json"), JSON.stringify(assumptions));
    const loader = async (name: string) => JSON.parse((await run(process.execPath, ["--import", "tsx", resolve(`src/data/${name}.json.ts`)], { env: { ...process.env, OFFRAMP_DATA_ROOT: root }, maxBuffer: 1 << 26 })).stdout);
    const [served, scenarios] = await Promise.all([loader("catalog"), loader("scenarios")]);
    expect(served.products[0].name).toBe("Renamed in the copy");
    expect(scenarios.defaults[0].label).toBe("Edited in the copy");
    expect(scenarios.updatesStopped).toBe("2024-09-29");
  });
});
