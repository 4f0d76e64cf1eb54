import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvChunker, MAX_RECORD_CHARS, type CsvRecord } from "../../../src/lib/ingest/csv-chunks.js";
import { sniffDelimiter } from "../../../src/lib/ingest/delimiter.js";
import { decoderFor, sniffEncoding } from "../../../src/lib/ingest/encoding.js";

const utf16 = (text: string, bigEndian = false) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
};

describe("sniffEncoding", () => {
  it("knows UTF-8 with and without a byte-order mark, UTF-16 either way round, and Windows-1252", () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("utf-8-bom");
    expect(sniffEncoding(new TextEncoder().encode("Name,Лаборатория Касперского"))).toBe("utf-8");
    expect(sniffEncoding(utf16("\uFEFFName,Version"))).toBe("utf-16le");
    expect(sniffEncoding(utf16("\uFEFFName,Version", true))).toBe("utf-16be");
    expect(sniffEncoding(utf16("Name,Version\r\n"))).toBe("utf-16le"); // no mark: zero bytes give it away
    expect(sniffEncoding(new Uint8Array([0x47, 0x65, 0x72, 0xe4, 0x74, 0x0a]))).toBe("windows-1252"); // "Gerät" in cp1252
  });

  it("does not mistake a UTF-8 sequence cut at the end of the sample for Windows-1252", () => {
    const bytes = new TextEncoder().encode("Name;Gerät");
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 2))).toBe("utf-8");
  });

  it("decodes each encoding to the same text, dropping the byte-order mark", () => {
    expect(decoderFor("utf-16le").decode(utf16("\uFEFFGerät"))).toBe("Gerät");
    expect(decoderFor("utf-16be").decode(utf16("\uFEFFGerät", true))).toBe("Gerät");
    expect(decoderFor("windows-1252").decode(new Uint8Array([0x47, 0x65, 0x72, 0xe4, 0x74, 0x80]))).toBe("Gerät€");
  });
});

describe("UTF-8 decoding in chunks", () => {
  const whole = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
  const inChunks = (bytes: Uint8Array, cuts: number[]) => {
    const decoder = decoderFor("utf-8");
    let text = "";
    let at = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
      text += decoder.decode(bytes.subarray(at, cut), { stream: true });
      at = cut;
    }
    return text + decoder.decode(bytes.subarray(at), { stream: true }) + decoder.decode();
  };

  it("cuts inside a two-, three- and four-byte character still give the character, and a leading byte-order mark is dropped", () => {
    const bytes = new TextEncoder().encode("\uFEFFä,€,𝄞,Касперский\uFEFF");
    for (let cut = 0; cut <= bytes.length; cut++) expect(inChunks(bytes, [cut])).toBe("ä,€,𝄞,Касперский\uFEFF");
    // An unfinished sequence at the very end is one U+FFFD, as whole-file decoding gives.
    expect(inChunks(new Uint8Array([0x41, 0xe2, 0x82]), [2])).toBe("A\uFFFD");
  });

  it("gives the text whole-file decoding gives, however the bytes are cut (valid, invalid and cut-off sequences)", () => {
    // Bytes drawn mostly from lead and continuation bytes, so cut and broken sequences are common.
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0xef, 0xbb, 0xbf));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), fc.array(fc.nat(), { maxLength: 6 }), (list, cuts) => {
        const bytes = Uint8Array.from(list);
        expect(inChunks(bytes, cuts)).toBe(whole(bytes));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("sniffDelimiter", () => {
  it("picks comma, semicolon or tab from the first lines, ignoring delimiters inside quotes", () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("Name;Gerät;Datum\nA;B;28.09.2024 03:15\n")).toBe(";");
    expect(sniffDelimiter("Name\tStatus\tDescription\nX\tOK\t\"a, b; c\"\n")).toBe("\t");
    expect(sniffDelimiter('"Kaspersky, Inc";x\n"y, z";w\n')).toBe(";");
  });
});

describe("CsvChunker", () => {
  const parse = (text: string, chunk: number, newline: "\n" | "\r\n" = "\n", delimiter = ",") => {
    const records: CsvRecord[] = [];
    const chunker = new CsvChunker(delimiter, newline);
    for (let i = 0; i < text.length; i += chunk) chunker.push(text.slice(i, i + chunk), (r) => records.push(r));
    chunker.end((r) => records.push(r));
    return records;
  };

  it("gives each record the line it starts on, counting line breaks inside quoted fields", () => {
    const text = 'h1,h2\r\na,"two\r\nlines"\r\nb,"say ""hi"""\r\n\r\nc,last';
    for (const chunk of [1, 3, 7, 1000]) {
      expect(parse(text, chunk, "\r\n").map((r) => [r.line, ...r.fields])).toEqual([
        [1, "h1", "h2"],
        [2, "a", "two\r\nlines"],
        [4, "b", 'say "hi"'],
        [6, "c", "last"],
      ]);
    }
  });

  it("strips a stray carriage return at the end of a line in an LF file", () => {
    expect(parse("a,b\r\nc,d\n", 2).map((r) => r.fields)).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("rejects the line of a quote that never closes, and reads the records after it, in any chunking", () => {
    const text = 'a,b,c\n1,2,3\n"never closed,x\n4,5,6\n7,"two\nlines",8\n9,10,11\n';
    for (const chunk of [1, 2, 5, 1000]) {
      const records: CsvRecord[] = [];
      const chunker = new CsvChunker(",", "\n");
      chunker.push(text.slice(0, 6), (r) => records.push(r));
      chunker.expectedFields = 3;
      for (let i = 6; i < text.length; i += chunk) chunker.push(text.slice(i, i + chunk), (r) => records.push(r));
      chunker.end((r) => records.push(r));
      expect(records.map((r) => [r.line, r.malformed ? "malformed" : r.fields.join("|")])).toEqual([
        [1, "a|b|c"],
        [2, "1|2|3"],
        [3, "malformed"],
        [4, "4|5|6"],
        [5, "7|two\nlines|8"],
        [7, "9|10|11"],
      ]);
    }
  });

  it("gives up on a quoted field open for megabytes: its line is rejected, the lines after it are read, and memory stays bounded", () => {
    const records: CsvRecord[] = [];
    const chunker = new CsvChunker(",", "\n");
    chunker.push("a,b\n", (r) => records.push(r));
    chunker.expectedFields = 2;
    chunker.push('c,"never closed\n', (r) => records.push(r));
    for (let i = 0; i < 6; i++) chunker.push(`${"x,y\n".repeat(256 * 1024)}`, (r) => records.push(r));
    chunker.end((r) => records.push(r));
    expect(records[1]).toMatchObject({ line: 2, malformed: expect.stringMatching(/runs past 4 MB/) });
    expect(records.length).toBe(2 + 6 * 256 * 1024);
    expect(records.at(-1)).toEqual({ line: 2 + 6 * 256 * 1024, fields: ["x", "y"] });
    expect(MAX_RECORD_CHARS).toBe(4 * 1024 * 1024);
  });

  it("a file of nothing but broken quotes takes time in proportion to its length", () => {
    const records: CsvRecord[] = [];
    const chunker = new CsvChunker(",", "\n");
    chunker.push("a,b\n", (r) => records.push(r));
    chunker.expectedFields = 2;
    const lines = 200_000;
    const text = Array.from({ length: lines }, (_, i) => `"x${i}`).join("\n") + "\n";
    for (let i = 0; i < text.length; i += 65_536) chunker.push(text.slice(i, i + 65_536), (r) => records.push(r));
    chunker.end((r) => records.push(r));
    expect(records.length).toBe(1 + lines);
    expect(records.filter((r) => r.malformed).length).toBe(lines);
  });
});
