import type { IngestFile } from "./session.js";
import type { FileResult } from "./types.js";

/** A file's bytes as the browser (`File.stream()`) and Node (`createReadStream`) hand them over. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** How many bytes a session is given at once: what a browser's File.stream() hands over. */
export const SLICE = 1 << 16;

/**
 * Reads a file into its session: the one reading loop of the CLI and the browser's worker. Bytes
 * are given to the session 64 KB at a time whatever size the source reads (Node reads a megabyte
 * per system call), so a slice's fields die young and both see the same slices. `onBytes` sees
 * every chunk as it arrives (for a content hash and progress). A source that fails part way gives
 * what was read, the file marked unread with the byte it stopped at.
 */
export async function readStream(source: ByteSource, session: IngestFile, onBytes?: (bytes: Uint8Array, read: number) => void): Promise<FileResult> {
  let read = 0;
  try {
    for await (const bytes of chunks(source)) {
      onBytes?.(bytes, read + bytes.length);
      for (let at = 0; at < bytes.length; at += SLICE) session.push(bytes.subarray(at, at + SLICE));
      read += bytes.length;
    }
  } catch (error) {
    return session.abort(`reading stopped at byte ${read} (${(error as { code?: string }).code ?? (error as Error).message})`);
  }
  return session.finish();
}

async function* chunks(source: ByteSource): AsyncIterable<Uint8Array> {
  if (!("getReader" in source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
