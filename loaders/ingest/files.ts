/** Ingests files from disk: streams each through the same reader the browser's worker uses. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { CompiledCatalog } from "../../src/lib/catalog/match.js";
import { combine, type Inventory } from "../../src/lib/ingest/combine.js";
import { IngestFile, type FileResult } from "../../src/lib/ingest/session.js";

/** How much text the reader parses at once: what a browser's File.stream() hands over. */
const SLICE = 1 << 16;

export interface FileSpec {
  path: string;
  format?: string;
  mapping?: Record<string, string>;
  /** The device the file describes, when it names none. */
  device?: string;
  /** Why the file must not be read (outside the places a scenario may name): reported, never opened. */
  refused?: string;
}

export interface IngestFilesOptions {
  catalog: CompiledCatalog;
  now?: string;
  /** Called with bytes read so far and the total, for progress reports. */
  onProgress?: (file: string, read: number, total: number) => void;
  /** How evidence names files: the path as given (default) or a name relative to some folder. */
  label?: (path: string) => string;
}

export async function ingestFile(spec: FileSpec, options: IngestFilesOptions): Promise<FileResult> {
  const file = options.label ? options.label(spec.path) : spec.path;
  const session = new IngestFile({ file, catalog: options.catalog, now: options.now, format: spec.format, mapping: spec.mapping, device: spec.device });
  const refuse = (why: string) => {
    const result = session.end();
    result.report.fatal = why;
    result.report.format = null;
    return result;
  };
  if (spec.refused) return refuse(spec.refused);
  let total = 0;
  try {
    const info = await stat(spec.path);
    // Only regular files: a device (/dev/zero), a folder or a pipe would be read forever or not at all.
    if (!info.isFile()) return refuse("is not a regular file (a folder, device or pipe is never read)");
    total = info.size;
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let read = 0;
  try {
    // Read a megabyte at a time (few system calls), parse 64 KB at a time as a browser does (each
    // slice's fields die young, so memory grows with devices, not with chunks).
    for await (const chunk of createReadStream(spec.path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      for (let at = 0; at < bytes.length; at += SLICE) session.push(bytes.subarray(at, at + SLICE));
      read += bytes.length;
      options.onProgress?.(file, read, total);
    }
  } catch (error) {
    const result = session.end();
    result.report.fatal = `reading stopped at byte ${read} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    return result;
  }
  return session.finish();
}

export async function ingestFiles(specs: readonly FileSpec[], options: IngestFilesOptions): Promise<Inventory> {
  const results: FileResult[] = [];
  for (const spec of specs) results.push(await ingestFile(spec, options));
  return combine(results, options.now ?? new Date().toISOString());
}

export const shortName = (path: string) => basename(path);
