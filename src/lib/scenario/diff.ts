/** One difference between two JSON values, at a path such as `assumptions[lef_baseline_midsize].value.likely`. */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

/** Arrays of records with an `id` are compared by id, so reordering is not a change. */
function keyed(items: readonly unknown[]): Map<string, unknown> | null {
  if (!items.every((x) => x !== null && typeof x === "object" && typeof (x as { id?: unknown }).id === "string")) return null;
  return new Map(items.map((x) => [(x as { id: string }).id, x]));
}

/** Every leaf that differs between `a` and `b`, in a stable order. */
export function diff(a: unknown, b: unknown, path = ""): Change[] {
  if (Object.is(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = keyed(a);
    const kb = keyed(b);
    if (ka && kb) {
      const ids = [...new Set([...ka.keys(), ...kb.keys()])];
      return ids.flatMap((id) => diff(ka.get(id), kb.get(id), `${path}[${id}]`));
    }
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, i) => diff(a[i], b[i], `${path}[${i}]`)).flat();
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [{ path: path || "(whole value)", before: a, after: b }];
}

/**
 * A changed value in words, for people: text quoted, numbers and flags as they are, a list of
 * plain values listed, and a record by its label, name or id (its fields are their own changes).
 * Never recursive: a value is described at its own level only.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value !== "object" || value === null) return String(value);
  if (Array.isArray(value)) {
    const plain = value.every((x) => x === null || typeof x !== "object");
    return plain && value.length <= 8 ? `[${value.map((x) => (typeof x === "string" ? `"${x}"` : String(x))).join(", ")}]` : `${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  const record = value as Record<string, unknown>;
  const name = [record.label, record.name, record.id].find((x) => typeof x === "string");
  return name === undefined ? `${Object.keys(record).length} fields` : `"${name as string}"`;
}
