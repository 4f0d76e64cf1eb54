/** Reads test inputs through the real ingestion path, as the CLI and the worker do. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileCatalog, type CompiledCatalog } from "../../src/lib/catalog/match.js";
import { combine } from "../../src/lib/ingest/combine.js";
import type { Format } from "../../src/lib/ingest/formats/format.js";
import { IngestFile } from "../../src/lib/ingest/session.js";
import type { FileResult } from "../../src/lib/ingest/types.js";
import { Catalog } from "../../src/lib/schema/index.js";

let catalog: CompiledCatalog | null = null;
/** The real Kaspersky catalog from data/catalogs. */
export function kasperskyCatalog(): CompiledCatalog {
  catalog ??= compileCatalog(Catalog.parse(JSON.parse(readFileSync(resolve("data/catalogs/kaspersky.json"), "utf8"))));
  return catalog;
}

export interface ReadOptions {
  file?: string;
  format?: string;
  formats?: readonly Format[];
  mapping?: Record<string, string>;
  device?: string;
  now?: string;
  /** Feed the bytes in chunks of this size, to exercise streaming (default: 7 bytes, then 64 KB). */
  chunk?: number;
}

/** Reads text (encoded as UTF-8) or raw bytes as one file. */
export function readInput(input: string | Uint8Array, options: ReadOptions = {}): FileResult {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const session = new IngestFile({ file: options.file ?? "test-input", catalog: kasperskyCatalog(), now: options.now ?? "2026-11-02T09:00:00Z", format: options.format, formats: options.formats, mapping: options.mapping, device: options.device });
  const size = options.chunk ?? 65_536;
  for (let i = 0; i < bytes.length; i += size) session.push(bytes.subarray(i, i + size));
  return session.end();
}

/** Reads a workbook (or any file) through `finish()`, as the CLI and worker do. */
export async function readInputAsync(input: Uint8Array, options: ReadOptions = {}): Promise<FileResult> {
  const session = new IngestFile({ file: options.file ?? "test-input", catalog: kasperskyCatalog(), now: options.now ?? "2026-11-02T09:00:00Z", format: options.format, formats: options.formats, mapping: options.mapping, device: options.device });
  const size = options.chunk ?? 65_536;
  for (let i = 0; i < input.length; i += size) session.push(input.subarray(i, i + size));
  return session.finish();
}

/** Reads a fixture file from test/fixtures/ingest. */
export function readFixture(name: string, options: ReadOptions = {}): FileResult {
  return readInput(readFileSync(resolve("test/fixtures/ingest", name)), { file: name, ...options });
}

/** Reads several inputs and merges them as `offramp ingest` does. */
export function readAll(results: FileResult[], now = "2026-11-02T09:00:00Z") {
  return combine(results, now);
}
