import type { OsFamily } from "../schema/index.js";

/** OS family from whatever a source calls the platform: "Windows11", "Microsoft Windows Server 2019", "macOS", "Ubuntu 22.04"… */
export function osFamilyFromPlatform(text: string): OsFamily {
  const t = text.toLowerCase();
  if (t.includes("windows")) return "windows";
  if (t.includes("mac") || t.includes("darwin") || t.includes("os x")) return "macos";
  if (t.includes("ios") || t.includes("ipados") || t.includes("iphone")) return "ios";
  if (t.includes("android")) return "android";
  if (/linux|ubuntu|debian|red hat|rhel|centos|suse|fedora|astra|alma|rocky|oracle/.test(t)) return "linux";
  return "other";
}

/** Whether an OS name is a server edition. */
export const isServerOs = (text: string) => /server/i.test(text);
