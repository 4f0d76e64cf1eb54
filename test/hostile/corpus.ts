/**
 * Hostile and broken inputs for every reader, built in code so each case says what it is. Each
 * must be read without a crash or a hang, with every row either accepted or rejected (rejections
 * naming a line), or refused whole with a message.
 */
const DEFENDER = "DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,EndOfSupportDate,ProductCodeCpe";
const row = (i: number) => `id${i},host-${i}.corp.example,Windows11,10.0,x64,kaspersky,endpoint_security_for_windows,12.1,,,`;
const utf8 = (text: string) => new TextEncoder().encode(text);

export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  /** The whole file is refused (empty, no header, unknown shape…); otherwise it is read row by row. */
  refused: boolean;
  /** For files read row by row: how many rows must be rejected at least. */
  minRejected?: number;
}

export function hostileCorpus(): HostileCase[] {
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) >>> 24;
  return [
    { name: "empty file", bytes: new Uint8Array(), refused: true },
    { name: "only whitespace", bytes: utf8(" \n\r\n\t\n"), refused: true },
    { name: "only a byte-order mark", bytes: new Uint8Array([0xef, 0xbb, 0xbf]), refused: true },
    { name: "header only", bytes: utf8(`${DEFENDER}\r\n`), refused: false },
    { name: "truncated mid-row", bytes: utf8(`${DEFENDER}\n${row(1)}\n${row(2).slice(0, 30)}`), refused: false, minRejected: 1 },
    { name: "ragged rows", bytes: utf8(`${DEFENDER}\n${row(1)}\n${row(2)},extra,fields\nonly,three,fields\n`), refused: false, minRejected: 2 },
    { name: "unbalanced quote", bytes: utf8(`${DEFENDER}\n${row(1)}\n"id2,host-2,Windows11\n${row(3)}\n`), refused: false, minRejected: 1 },
    { name: "a field of 6 MB that never closes its quote", bytes: utf8(`${DEFENDER}\n${row(1)}\n"${"x".repeat(6 * 1024 * 1024)}`), refused: false, minRejected: 1 },
    { name: "a 2 MB quoted field that closes", bytes: utf8(`${DEFENDER}\n${row(1)}\nid2,"${"y".repeat(2 * 1024 * 1024)}",Windows11,10.0,x64,k,n,1,,,\n`), refused: false },
    { name: "duplicate headers", bytes: utf8(`${DEFENDER},DeviceName\n${row(1)},x\n`), refused: true },
    { name: "mixed delimiters", bytes: utf8(`${DEFENDER}\n${row(1)}\n${row(2).replaceAll(",", ";")}\n${row(3).replaceAll(",", "\t")}\n`), refused: false, minRejected: 2 },
    { name: "binary junk", bytes: junk, refused: true },
    { name: "Windows-1252 bytes in a UTF-8 file", bytes: new Uint8Array([...utf8(`${DEFENDER}\n`), ...utf8(row(1).replace("host-1", "h")), 0xe4, 0x0a]), refused: false },
    { name: "UTF-16LE without a byte-order mark", bytes: (() => { const t = `${DEFENDER}\r\n${row(1)}\r\n`; const b = new Uint8Array(t.length * 2); for (let i = 0; i < t.length; i++) b[i * 2] = t.charCodeAt(i); return b; })(), refused: false },
    { name: "JSON that is not an SBOM", bytes: utf8(JSON.stringify({ hello: "world", items: [1, 2, 3] })), refused: true },
    { name: "a JSON array of numbers", bytes: utf8("[1,2,3]"), refused: true },
    { name: "invalid JSON", bytes: utf8('{"bomFormat": "CycloneDX", "components": [}'), refused: true },
    { name: "CycloneDX with junk components", bytes: utf8(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [null, 7, "x", { name: "" }, { name: "openssl", version: "3" }] })), refused: false, minRejected: 3 },
    { name: "osquery lines that are not objects", bytes: utf8(`{"name":"programs","hostIdentifier":"h1","action":"added","columns":{"name":"Kaspersky Endpoint Security for Windows","version":"12"},"unixTime":1700000000}\n[1,2]\n"text"\n{"name":"programs"}\n{broken\n`), refused: false, minRejected: 3 },
    { name: "a header row of a format nobody knows", bytes: utf8("Colour;Size;Weight\nred;3;1\n"), refused: true },
    { name: "script and formula payloads as values", bytes: utf8(`${DEFENDER}\n"<script>alert(1)</script>",=cmd|' /C calc'!A0,Windows11,10.0,x64,@SUM(1),+1+1,-2,\t,\r,\n`), refused: false },
    { name: "a zip that is not a workbook", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk.slice(0, 200)]), refused: true },
    { name: "a legacy .xls (compound file)", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...junk.slice(0, 200)]), refused: true },
  ];
}
