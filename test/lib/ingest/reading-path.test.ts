/**
 * The reading path's parts (issue 16, point 7): one stream reader for the CLI and the browser's
 * worker, the file's shape told once, and one choice of format for every shape.
 */
import { describe, expect, it } from "vitest";
import { chooseFormat } from "../../../src/lib/ingest/choose-format.js";
import { FORMATS } from "../../../src/lib/ingest/formats/index.js";
import { readStream } from "../../../src/lib/ingest/read-stream.js";
import { IngestFile } from "../../../src/lib/ingest/session.js";
import { detectShape } from "../../../src/lib/ingest/shape.js";
import { kasperskyCatalog, readInput } from "../../support/ingest.js";

const CSV = "DeviceName,SoftwareVendor,SoftwareName\n" + "fin-ws-0101,kaspersky,endpoint_security\nfin-ws-0102,google,chrome\n".repeat(2000);
const bytes = new TextEncoder().encode(CSV);
const session = () => new IngestFile({ file: "tvm.csv", catalog: kasperskyCatalog(), now: "2026-11-02T09:00:00Z" });

describe("readStream", () => {
  it("reads a browser's ReadableStream and a Node-style async iterable of any chunk sizes to the same result as one push", async () => {
    const whole = readInput(bytes, { file: "tvm.csv" });
    const stream = new Blob([bytes]).stream();
    async function* megabytes() {
      for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
    }
    expect(await readStream(stream, session())).toEqual(whole);
    expect(await readStream(megabytes(), session())).toEqual(whole);
    expect(whole.report.rows).toBe(4000);
  });

  it("sees every byte once, for the content hash and progress", async () => {
    let seen = 0;
    let last = 0;
    await readStream(new Blob([bytes]).stream(), session(), (chunk, read) => {
      seen += chunk.length;
      last = read;
    });
    expect(seen).toBe(bytes.length);
    expect(last).toBe(bytes.length);
  });

  it("keeps what was read when the source fails part way, and names the byte it stopped at", async () => {
    async function* failing() {
      yield bytes.subarray(0, 100_000);
      throw Object.assign(new Error("i/o error"), { code: "EIO" });
    }
    const result = await readStream(failing(), session());
    expect(result.report.fatal).toBe("reading stopped at byte 100000 (EIO)");
    expect(result.report.rows).toBeGreaterThan(0);
    expect(result.report.rows).toBe(result.report.accepted + result.report.rejected);
  });
});

describe("detectShape", () => {
  const isSbom = (v: unknown) => typeof v === "object" && v !== null && "bomFormat" in v;
  it("tells tables, JSON lines and documents apart, and waits for a whole first line", () => {
    expect(detectShape("a,b\n1,2\n", false, isSbom)).toBe("table");
    expect(detectShape('{"name":"x"}\n{"name":"y"}\n', false, isSbom)).toBe("json-lines");
    expect(detectShape('{"bomFormat":"CycloneDX"}', true, isSbom)).toBe("json");
    expect(detectShape('{"name":"x"}', true, isSbom)).toBe("json-lines"); // one line that is no document
    expect(detectShape("[\n{}\n]", false, isSbom)).toBe("json");
    expect(detectShape('{"bomFormat":', false, isSbom)).toBeNull(); // the first line is not whole yet
    expect(detectShape("a,b", false, isSbom)).toBeNull();
    expect(detectShape(" \uFEFF\n", true, isSbom)).toBe("empty");
  });
});

describe("chooseFormat", () => {
  it("takes the named format if it reads this shape, else the best detected, else says why not", () => {
    expect(chooseFormat("table", FORMATS, "defender-tvm", () => 0, "none").id).toBe("defender-tvm");
    expect(() => chooseFormat("table", FORMATS, "osquery", () => 0, "none")).toThrow('the file is a table, but "osquery" is not a table format');
    expect(() => chooseFormat("json", FORMATS, "nope", () => 0, "none")).toThrow('unknown format "nope"');
    expect(chooseFormat("table", FORMATS, undefined, (f) => (f.id === "mecm-arp" ? 0.9 : 0.3), "none").id).toBe("mecm-arp");
    expect(() => chooseFormat("table", FORMATS, undefined, () => 0.25, "no known format has these headers")).toThrow("no known format has these headers");
  });
});
