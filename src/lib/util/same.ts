/** JSON with object keys sorted: the same content in another key order is the same value. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
