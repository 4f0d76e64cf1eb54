/** `YYYY-MM-DD` of a date picked in a date input (which gives 00:00 UTC of the day), or of today (local) when null. */
export function asOfDay(value: Date | null, now: Date = new Date()): string {
  if (value) return value.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
