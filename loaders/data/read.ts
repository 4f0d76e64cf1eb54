/** Reads JSON data files and validates them, failing with the file and field named. */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { validate } from "../../src/lib/schema/validate.js";

export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: is not valid JSON (${(error as Error).message})`);
  }
}

export async function readValidated<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return validate(schema, await readJson(path), path);
}
