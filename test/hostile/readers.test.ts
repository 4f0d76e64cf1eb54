import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FileResult } from "../../src/lib/ingest/types.js";
import { readInputAsync } from "../support/ingest.js";
import { hostileCorpus } from "./corpus.js";

/** What must hold for any input: no throw, rows = accepted + rejected, each rejection on a line, or a plain refusal. */
function wellBehaved(result: FileResult): void {
  const r = result.report;
  expect(r.rows).toBe(r.accepted + r.rejected);
  for (const e of r.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(0);
  }
  if (r.fatal !== null) expect(r.fatal.length).toBeGreaterThan(5);
}

describe("the hostile corpus", () => {
  for (const c of hostileCorpus()) {
    it(`${c.name}: read without a crash, nothing lost, problems named`, async () => {
      const result = await readInputAsync(c.bytes, { file: `hostile/${c.name}`, chunk: 8191 });
      wellBehaved(result);
      if (c.refused) expect(result.report.fatal, "should be refused with a message").not.toBeNull();
      else {
        expect(result.report.fatal, `unexpected refusal: ${result.report.fatal}`).toBeNull();
        expect(result.report.rejected).toBeGreaterThanOrEqual(c.minRejected ?? 0);
      }
    }, 20_000);
  }

  it("keeps script and formula payloads as plain values", async () => {
    const c = hostileCorpus().find((x) => x.name.startsWith("script and formula"))!;
    const result = await readInputAsync(c.bytes, { file: "payloads.csv" });
    expect(result.report.accepted).toBe(1);
    expect(result.devices[0]!.names[0]).toBe("=cmd|' /C calc'!A0");
  });
});

const fixtures = readdirSync("test/fixtures/ingest").filter((f) => !f.endsWith(".ts"));

describe("readers under random and mutated input (property)", () => {
  it("random bytes never make a reader throw, and nothing is lost", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 500 }), async (bytes, chunk) => {
        wellBehaved(await readInputAsync(bytes, { file: "random.bin", chunk }));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("mutated real exports (bytes flipped, cut, spliced) never make a reader throw", async () => {
    const originals = fixtures.map((f) => readFileSync(`test/fixtures/ingest/${f}`)).filter((b) => b.length < 200_000);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: originals.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: 1, max: 4096 }),
        async (which, flips, cut, chunk) => {
          const bytes = Uint8Array.from(originals[which]!);
          for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
          const mutated = bytes.subarray(0, bytes.length ? Math.max(1, cut % (bytes.length + 1)) : 0);
          wellBehaved(await readInputAsync(mutated, { file: fixtures[which]!, chunk }));
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  }, 60_000);

  it("text made of delimiters, quotes and line breaks never loses a row", async () => {
    const header = "Hostname,Business Unit,Software,Version\n";
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(",", ";", "\t", '"', "\n", "\r\n", "a", "Kaspersky", " ", "é"), { maxLength: 200 }), async (parts) => {
        wellBehaved(await readInputAsync(new TextEncoder().encode(header + parts.join("")), { file: "generic.csv", chunk: 13 }));
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
