/** Device names and software tokens as sources spell them, made comparable. */

/** `NYC-WS-0001.corp.example.com` → `nyc-ws-0001`: lower case, without domain or DOMAIN\\ prefix. */
export function hostLabel(name: string): string {
  const trimmed = name.trim().toLowerCase().replace(/^\\\\/, "");
  const withoutDomain = trimmed.includes("\\") ? trimmed.split("\\").pop()! : trimmed;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(withoutDomain) ? withoutDomain : withoutDomain.split(".")[0]!;
}

/** The identity key of a host name: its label cut to 15 characters, as NetBIOS cuts names. */
export function shortHostName(name: string): string {
  return hostLabel(name).slice(0, 15);
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
