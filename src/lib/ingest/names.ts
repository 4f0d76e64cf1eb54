/** Device names and software tokens as sources spell them, made comparable. */

/** `NYC-WS-0001.corp.example.com` → `nyc-ws-0001`; NetBIOS limits names to 15 characters. */
export function shortHostName(name: string): string {
  const trimmed = name.trim().toLowerCase().replace(/^\\\\/, "");
  const withoutDomain = trimmed.includes("\\") ? trimmed.split("\\").pop()! : trimmed;
  const short = /^\d{1,3}(\.\d{1,3}){3}$/.test(withoutDomain) ? withoutDomain : withoutDomain.split(".")[0]!;
  return short.slice(0, 15);
}

/**
 * Defender and NVD write software as lower-case tokens with underscores (`kaspersky`,
 * `endpoint_security_for_windows`); this spells them as a display name would
 * (`kaspersky endpoint security for windows`) so name rules can match them.
 */
export function tokenName(vendor: string | undefined, name: string): string | null {
  if (!/^[a-z0-9_.+\-]+$/.test(name) || !name.includes("_")) {
    if (!vendor || !/^[a-z0-9_.+\-]+$/.test(vendor) || name !== name.toLowerCase()) return null;
  }
  const words = name.replaceAll("_", " ");
  const vendorWords = vendor ? vendor.replaceAll("_", " ").replace(/ lab$/, "") : "";
  return vendorWords && !words.startsWith(vendorWords) ? `${vendorWords} ${words}` : words;
}
