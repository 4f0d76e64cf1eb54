/**
 * Lines counted without being split (issue 16's speed): the screen must change nothing a user
 * sees. A line it passes over must be one its reader accepts and learns nothing new from, and a
 * line holding anything a catalog rule matches must never be passed over.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defenderTvm } from "../../../src/lib/ingest/formats/defender-tvm.js";
import { lineShape, RowScreen } from "../../../src/lib/ingest/row-screen.js";
import { kasperskyCatalog, readInput } from "../../support/ingest.js";

describe("lineShape", () => {
  it("is a line its reader accepts: the header's field count, required columns holding more than white space", () => {
    const shape = lineShape(3, [1], ",", "\r\n");
    const accepts = (text: string) => {
      shape.lastIndex = 0;
      return shape.test(text);
    };
    expect(accepts("a,b,c\r\n")).toBe(true);
    expect(accepts(",b,\r\n")).toBe(true);
    expect(accepts("a, \u00a0 ,c\r\n")).toBe(false); // only white space (what trim removes)
    expect(accepts("a,,c\r\n")).toBe(false);
    expect(accepts("a,b\r\n")).toBe(false);
    expect(accepts("a,b,c,d\r\n")).toBe(false);
    expect(accepts("a,b\nc,d\r\n")).toBe(false); // a lone line feed inside a CRLF line: not this shape
    expect(accepts("a,b,c")).toBe(true); // the last line, without a line break
  });
});

describe("RowScreen", () => {
  it("passes over a device's later lines without a catalog term, and nothing else (hand-worked)", () => {
    let passed = 0;
    const screen = new RowScreen({ device: [0, 1], required: [1, 2] }, 3, ",", "\n", kasperskyCatalog().anyTerm, () => passed++);
    const lines = [
      "d1,host-1,Chrome", // first line of a device: read
      "d1,host-1,Zoom", // same device, no term: passed over
      "d1,host-1,Kaspersky Endpoint Security for Windows", // holds a term: read
      "d1,host-1,7-Zip", // passed over
      "d1,host-1,", // no software name: rejected by the reader, read
      "d1,host-1,Zoom", // the line before was rejected: read
      "d1,host-1,Firefox", // passed over
      "d2,host-1,Firefox", // another id: read
      "d2,host-1,Firefox,extra", // a field too many: read (rejected)
    ];
    const quiet = lines.map((line) => screen.quiet(line, 0, line.length));
    expect(quiet).toEqual([false, true, false, true, false, false, true, false, false]);
    expect(passed).toBe(3);
  });
});

describe("the catalog's term screen", () => {
  it("finds a term in every text any catalog rule matches (so no matching record is passed over)", () => {
    const { catalog, anyTerm } = kasperskyCatalog();
    let checked = 0;
    // The vendor's products, and the replacements a migrated device is recognised by.
    for (const product of [...catalog.products, ...catalog.replacements]) {
      for (const rule of product.match) {
        // fast-check cannot draw word boundaries: drawn without them, and kept only when the rule matches.
        const matches = new RegExp(rule.pattern, "iu");
        const drawn = fc.stringMatching(new RegExp(rule.pattern.replaceAll("\\b", ""))).filter((text) => matches.test(text));
        fc.assert(
          fc.property(drawn, (text) => {
            expect(anyTerm.test(text), `${product.id} ${rule.field} ${rule.pattern}: ${JSON.stringify(text)}`).toBe(true);
          }),
          { numRuns: 60 },
        );
        checked++;
      }
    }
    expect(checked).toBe([...catalog.products, ...catalog.replacements].reduce((n, p) => n + p.match.length, 0));
    expect(catalog.replacements.length).toBeGreaterThan(0);
  });
});

describe("reading with and without the screen", () => {
  const withoutScreen = { ...defenderTvm, runs: undefined };
  const HEADER = "DeviceId,DeviceName,OSPlatform,SoftwareVendor,SoftwareName,SoftwareVersion,ProductCodeCpe";
  const devices = [
    ["d1", "fin-ws-0101.corp.example.com", "Windows11"],
    ["d2", "FIN-WS-0101", "Windows11"],
    ["", "lab-srv-7", "Linux"],
    ["d4", "  ", "Windows10"],
    ["d5", "mac-3", "macOS"],
  ];
  const software = [
    ["google", "chrome", "130.0"],
    ["zoom", "zoom", "6.2"],
    ["kaspersky", "endpoint_security", "12.1"],
    ["kaspersky_lab", "kaspersky_security_center_network_agent", "14.0"],
    ["AO Kaspersky Lab", "Kaspersky Endpoint Security для Windows", "11.11"],
    ["", "Kaſpersky Endpoint Security for Windows", "12"], // a long s folds to s, as the rules read it
    ["", "Лаборатория Касперского", "1"],
    ["kaspersky_fans_club", "kaspr_wallpaper", "1"],
    ["7-zip", "", "23.01"],
    ["mozilla", "\u00a0", "1"],
    ["acme", "kesl", "1"],
  ];
  const line = fc.oneof(
    { weight: 12, arbitrary: fc.tuple(fc.nat(devices.length - 1), fc.nat(software.length - 1), fc.boolean()).map(([d, s, cpe]) => [...devices[d]!, ...software[s]!.slice(0, 2), software[s]![2]!, cpe ? "Not available" : ""].join(",")) },
    { weight: 1, arbitrary: fc.constantFrom("", "d1,fin-ws-0101.corp.example.com,Windows11,google,chrome,130.0,,extra", "d1,fin-ws-0101.corp.example.com,Windows11,google,chrome", 'd1,fin-ws-0101.corp.example.com,Windows11,"kaspersky",chrome,1,', "d1,fin-ws-0101.corp.example.com,Windows11,google,chrome,130.0,\r") },
  );
  // Runs of one line repeated, as a device's titles come one after another.
  const lines = fc.array(fc.tuple(line, fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 120 }).map((runs) => runs.flatMap(([l, n]) => Array.from({ length: n }, (_, i) => (i % 3 === 2 ? l.replace("chrome", "zoom") : l))));

  it("gives the same report, devices and matches for any lines, line ends and chunking", () => {
    fc.assert(
      fc.property(lines, fc.constantFrom("\n", "\r\n"), fc.constantFrom(7, 1000, 65_536), (body, newline, chunk) => {
        // Past the 64 KB the reader sniffs before it starts: the screen is set after the header, in the stream.
        const padding = Array.from({ length: 2500 }, (_, i) => `p${i},pad-${i}.corp.example.com,Windows11,acme,tool,1,`);
        expect(padding.join(newline).length).toBeGreaterThan(65_536);
        const text = [HEADER, ...padding, ...body].join(newline) + newline;
        const screened = readInput(text, { formats: [defenderTvm], chunk });
        const plain = readInput(text, { formats: [withoutScreen], chunk });
        expect(screened).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it("passes over most lines of a real-shaped export", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `d${Math.floor(i / 25)},host-${Math.floor(i / 25)},Windows11,google,chrome,1,`);
    const text = [HEADER, ...rows].join("\r\n") + "\r\n";
    let split = 0;
    const counting = { ...defenderTvm, open: (headers: readonly string[], context: Parameters<typeof defenderTvm.open>[1]) => {
      const map = defenderTvm.open(headers, context);
      return (fields: readonly string[], line: number) => (split++, map(fields, line));
    } };
    const result = readInput(text, { formats: [counting] });
    expect(result.report.accepted).toBe(5000);
    // The lines in the first 64 KB are read before the screen is set; after it, one line per device.
    expect(split).toBeLessThan(5000 / 2);
  });
});
