const DAY = 86_400_000;

/** Whole calendar days from date `from` to date `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY);
}

/** Milliseconds of 00:00 UTC on a `YYYY-MM-DD` date; throws on anything else. */
export function utcMidnight(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return ms;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `date` is a `YYYY-MM-DD` day that exists (2024-02-29 does, 2025-02-29 does not). */
export function isCalendarDate(date: string): boolean {
  try {
    utcMidnight(date);
    return true;
  } catch {
    return false;
  }
}
