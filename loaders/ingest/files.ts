/** Ingests files from disk: streams each through the reading loop the browser's worker uses (`readStream`). */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { CompiledCatalog } from "../../src/lib/catalog/match.js";
import { combine, type Inventory } from "../../src/lib/ingest/combine.js";
import { readStream } from "../../src/lib/ingest/read-stream.js";
import { IngestFile } from "../../src/lib/ingest/session.js";
import type { FileResult } from "../../src/lib/ingest/types.js";

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
  // A megabyte per system call; the shared reader hands the session 64 KB at a time.
  return readStream(createReadStream(spec.path, { highWaterMark: 1 << 20 }), session, (_bytes, read) => options.onProgress?.(file, read, total));
}

export async function ingestFiles(specs: readonly FileSpec[], options: IngestFilesOptions): Promise<Inventory> {
  const results: FileResult[] = [];
  for (const spec of specs) results.push(await ingestFile(spec, options));
  return combine(results, options.now ?? new Date().toISOString());
}

export const shortName = (path: string) => basename(path);
