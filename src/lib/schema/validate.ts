import type { z } from "zod";

/** Raised when data does not fit its schema; `issues` name each bad field. */
export class ValidationError extends Error {
  constructor(
    readonly label: string,
    readonly issues: readonly string[],
  ) {
    super(`${label} is not valid:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ValidationError";
  }
}

/** `events[3].sources` style path for an issue. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

/**
 * Parses `value` with `schema`, or throws a ValidationError naming `label` (a file, usually),
 * each bad field's path, and — for lists of records with an id — the record's id.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, label: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const where = issuePath(issue.path);
    const id = recordId(value, issue.path);
    return `${where || "(top level)"}${id ? ` (id "${id}")` : ""}: ${issue.message}`;
  });
  throw new ValidationError(label, issues);
}

/** The `id` of the innermost record on the path that has one. */
function recordId(value: unknown, path: readonly PropertyKey[]): string | null {
  let node: unknown = value;
  let found: string | null = null;
  for (const key of path) {
    if (node === null || typeof node !== "object") break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (node !== null && typeof node === "object" && typeof (node as { id?: unknown }).id === "string") found = (node as { id: string }).id;
  }
  return found;
}
