import type { Host, SecurityInstall } from "../organisation.js";

/** Records that an export lists a host's security install at a file and line. */
export type See = (host: Host, install: SecurityInstall, file: string, line: number, format: string) => void;

/** `M/d/yyyy h:mm:ss AM` as en-US consoles print instants (in UTC here). */
export function usDateTime(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

/** `yyyymmdd`, as Windows stores InstallDate in the registry. */
export const compactDate = (isoDate: string) => isoDate.replaceAll("-", "");
