/**
 * Writes a synthetic Defender software-inventory CSV of `rows` rows (25 titles per device,
 * about 1.5% of rows Kaspersky products), streamed so that 5 million rows need little memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { randomSource } from "../src/lib/engine/prng.js";

const OTHER = [
  ["google", "chrome", "130.0.6723.92"], ["microsoft", "365_apps", "16.0.17928.20216"], ["7-zip", "7-zip", "23.01"], ["zoom", "zoom", "6.2.5"],
  ["adobe", "acrobat_reader_dc", "24.004.20220"], ["notepad-plus-plus", "notepad++", "8.6.9"], ["mozilla", "firefox", "132.0"], ["oracle", "jre", "8.0.4310"],
  ["microsoft", "edge_chromium-based", "130.0.2849.68"], ["python", "python", "3.12.7"], ["vmware", "tools", "12.4.0"], ["cisco", "secure_client", "5.1.4"],
];
const KASPERSKY = [
  ["kaspersky", "endpoint_security_for_windows", "12.1.0.506"], ["kaspersky_lab", "kaspersky_security_center_network_agent", "14.0.0.10902"], ["kaspersky", "security_for_windows_server", "11.0.1.897"],
];
export const HEADER = "DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,EndOfSupportDate,ProductCodeCpe";

export async function writeDefenderCsv(path: string, rows: number, seed = 1): Promise<{ bytes: number; kasperskyRows: number }> {
  const random = randomSource(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let kasperskyRows = 0;
  let buffer = `\uFEFF${HEADER}\r\n`;
  for (let i = 0; i < rows; i++) {
    const device = Math.floor(i / 25);
    const id = (device * 2654435761 >>> 0).toString(16).padStart(8, "0").repeat(5);
    const kaspersky = random() < 0.015;
    const [vendor, name, version] = kaspersky ? KASPERSKY[Math.floor(random() * KASPERSKY.length)]! : OTHER[Math.floor(random() * OTHER.length)]!;
    if (kaspersky) kasperskyRows++;
    const cpe = vendor === "kaspersky_lab" ? "Not available" : `cpe:2.3:a:${vendor}:${name}:${version}:*:*:*:*:*:*:*`;
    buffer += `${id},host-${device}.corp.example.com,Windows11,10.0.22631,x64,${vendor},${name},${version},,,${cpe}\r\n`;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, "finish");
  return { bytes, kasperskyRows };
}
