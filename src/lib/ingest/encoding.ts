import type { EncodingName } from "./types.js";

/**
 * Decides a file's encoding from its first bytes: a byte-order mark if there is one; else
 * UTF-16 from the pattern of zero bytes; else UTF-8 unless most of its non-ASCII sequences are not
 * UTF-8 (a few stray bytes are tolerated); else Windows-1252. `head` is the whole sniffed window,
 * the same SNIFF_BYTES in the CLI and the browser whatever their chunk sizes.
 */
export function sniffEncoding(head: Uint8Array): EncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? zeroEven++ : zeroOdd++);
  const pairs = sample.length / 2;
  if (pairs > 0 && zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return "utf-16le";
  if (pairs > 0 && zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return "utf-16be";
  // UTF-8 unless the bytes that are not plain ASCII mostly fail to be UTF-8: a stray Windows-1252
  // byte in a UTF-8 export (its Cyrillic names valid) stays UTF-8, with that byte shown as U+FFFD.
  const { valid, invalid } = utf8Sequences(head);
  return invalid === 0 || valid >= 4 * invalid ? "utf-8" : "windows-1252";
}

/** Counts the multi-byte UTF-8 sequences in the sample that are valid and invalid (one cut off at the end is neither). */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (extra < 0) {
      invalid++;
      i++;
      continue;
    }
    let ok = true;
    let cut = false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= n) {
        cut = true;
        break;
      }
      if ((bytes[i + k]! & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (cut) break;
    if (ok) {
      valid++;
      i += extra + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** What a streaming decoder offers: the part of TextDecoder the readers use. */
export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A streaming decoder for the encoding; the byte-order mark is dropped. */
export function decoderFor(encoding: EncodingName): Decoder {
  if (encoding === "windows-1252") return new Windows1252Decoder();
  if (encoding === "utf-8" || encoding === "utf-8-bom") return new Utf8Decoder();
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
}

/**
 * UTF-8, decoded chunk by chunk with whole-buffer calls: TextDecoder's streaming mode is several
 * times slower (in Node 20, 92 ms against 17 ms for 175 MB). A sequence cut off at the end of a
 * chunk is held back and decoded with the next one; decoding at a lead byte gives what decoding
 * the whole file would (the WHATWG decoder replaces an unfinished sequence alike at a new lead
 * byte and at the end), so the text, and every U+FFFD, is the same however the bytes are chunked.
 */
const BOM = [0xef, 0xbb, 0xbf];

export class Utf8Decoder implements Decoder {
  // A byte-order mark is dropped at the start of the file only; one inside it is text.
  private readonly decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  private held: Uint8Array | null = null;
  private started = false;

  decode(bytes: Uint8Array = new Uint8Array(0), options?: { stream?: boolean }): string {
    let input = bytes;
    if (this.held) {
      input = new Uint8Array(this.held.length + bytes.length);
      input.set(this.held);
      input.set(bytes, this.held.length);
      this.held = null;
    }
    if (!this.started) {
      // The byte-order mark is skipped as bytes: text cut from a string holding U+FEFF is stored two bytes a character.
      if (options?.stream && input.length < 3 && BOM.slice(0, input.length).every((b, i) => input[i] === b)) {
        this.held = input.slice();
        return "";
      }
      this.started = true;
      if (input[0] === BOM[0] && input[1] === BOM[1] && input[2] === BOM[2]) input = input.subarray(3);
    }
    let end = input.length;
    if (options?.stream) {
      end = completeUpTo(input);
      if (end < input.length) this.held = input.slice(end);
    }
    return this.decoder.decode(end === input.length ? input : input.subarray(0, end));
  }
}

/**
 * Where the bytes can be cut without splitting a UTF-8 sequence: before a lead byte in the last
 * three bytes whose sequence is not complete, else the end. (A byte-order mark's first byte cut
 * off at the start is held like any other.)
 */
function completeUpTo(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}

// Bytes 0x80–0x9F of Windows-1252 (the rest equals ISO-8859-1). Node's TextDecoder decodes
// "windows-1252" as ISO-8859-1, turning "€" into U+0080, so this one byte range is mapped here.
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

class Windows1252Decoder implements Decoder {
  decode(bytes?: Uint8Array): string {
    if (!bytes) return "";
    let out = "";
    const CHUNK = 8192;
    for (let start = 0; start < bytes.length; start += CHUNK) {
      const codes: number[] = [];
      const end = Math.min(bytes.length, start + CHUNK);
      for (let i = start; i < end; i++) {
        const b = bytes[i]!;
        codes.push(b >= 0x80 && b <= 0x9f ? HIGH.charCodeAt(b - 0x80) : b);
      }
      out += String.fromCharCode(...codes);
    }
    return out;
  }
}
