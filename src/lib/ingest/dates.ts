/**
 * Dates as inventory exports write them: ISO 8601, US `M/d/yyyy h:mm:ss AM`, European
 * `dd.MM.yyyy HH:mm`, registry `yyyymmdd`, Excel serial numbers, asctime (`Mon May  2 10:00:00 2022 UTC`),
 * and relative text ("4 minutes ago", "yesterday"). Everything is read as UTC.
 */

export interface ParsedDate {
  /** ISO instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  instant: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

const MONTHS = new Map(Object.entries({ jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }));
const UNIT_MS = new Map(Object.entries({ second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 }));

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): ParsedDate | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const date = new Date(ms);
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return fromMs(ms);
}

/** Instants an inventory export can mean: 1970 to 2199. Anything else ("99999999999 days ago") is unreadable, not a crash. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function fromMs(ms: number): ParsedDate | null {
  if (!Number.isFinite(ms) || ms < EARLIEST || ms >= LATEST) return null;
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return { instant: iso.replace(".000Z", "Z"), date: iso.slice(0, 10) };
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === "pm";
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * Reads a date. `order` decides ambiguous `a/b/yyyy`: "us" (month first, the default for slashes)
 * or "eu" (day first). Dots and `dd-mm-yyyy` are always day first. Returns null when unreadable.
 */
export function parseDate(text: string | undefined, options: { now?: string; order?: "us" | "eu" } = {}): ParsedDate | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!t) return null;
  let m: RegExpExecArray | null;

  // ISO 8601 and SQL timestamps: 2024-09-28, 2024-09-28T03:14:00Z, 2024-09-28 03:14:00.123 +00:00
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t))) {
    const base = build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (!base || !m[7] || m[7].toUpperCase() === "Z") return base;
    const sign = m[7][0] === "-" ? -1 : 1;
    const digits = m[7].slice(1).replace(":", "");
    const offset = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
    return fromMs(Date.parse(base.instant) - offset);
  }
  // Registry InstallDate: yyyymmdd
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return build(+m[1]!, +m[2]!, +m[3]!);
  // Slashes: M/d/yyyy (US) or d/M/yyyy (EU), optional time and AM/PM
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(t))) {
    const [a, b] = [+m[1]!, +m[2]!];
    const dayFirst = options.order === "eu" || a > 12;
    return build(+m[3]!, dayFirst ? b : a, dayFirst ? a : b, hour12(+(m[4] ?? 0), m[7]), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  // Dots or dashes, day first: dd.MM.yyyy HH:mm(:ss), dd-MM-yyyy
  if ((m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t))) {
    return build(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  // asctime, as osquery's calendarTime: "Mon May  2 10:00:00 2022 UTC"
  if ((m = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+UTC)?$/.exec(t))) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month ? build(+m[6]!, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : null;
  }
  // Excel serial day numbers (1900 system): 45563 is 2024-09-28. Fractions are the time of day.
  if ((m = /^(\d{5})(\.\d+)?$/.exec(t))) {
    const serial = Number(t);
    if (serial >= 20_000 && serial <= 80_000) return fromMs(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  }
  // Relative: "4 minutes ago", "1 hour ago", "just now", "yesterday"
  if (options.now) {
    const now = Date.parse(options.now);
    if (/^(just now|now)$/i.test(t)) return fromMs(now);
    if (/^yesterday$/i.test(t)) return fromMs(now - UNIT_MS.get("day")!);
    if ((m = /^(\d+|an?|one)\s+(second|minute|hour|day|week)s?\s+ago$/i.exec(t))) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
      return fromMs(now - n * UNIT_MS.get(m[2]!.toLowerCase())!);
    }
  }
  return null;
}
