import { describe, expect, it } from "vitest";
import { shortHostName, tokenName } from "../../../src/lib/ingest/names.js";
import { readAll, readInput } from "../../support/ingest.js";

describe("shortHostName", () => {
  it("compares host names without case, domain, DOMAIN\\ prefix, or past NetBIOS's 15 characters", () => {
    expect(shortHostName("NYC-WS-0001.corp.example.com")).toBe("nyc-ws-0001");
    expect(shortHostName("CORP\\NYC-WS-0001")).toBe("nyc-ws-0001");
    expect(shortHostName("finance-laptop-00042.corp.example")).toBe("finance-laptop-");
    expect(shortHostName("10.20.30.40")).toBe("10.20.30.40");
  });
});

describe("tokenName", () => {
  it("spells Defender's lower-case tokens as a display name", () => {
    expect(tokenName("kaspersky", "endpoint_security_for_windows")).toBe("kaspersky endpoint security for windows");
    expect(tokenName("kaspersky_lab", "kaspersky_security_center_network_agent")).toBe("kaspersky security center network agent");
    expect(tokenName("Kaspersky", "Kaspersky Endpoint Security for Windows")).toBeNull();
  });
});

describe("merging devices and installs across sources", () => {
  const defender = [
    "DeviceId,DeviceName,OSPlatform,OSVersion,OSArchitecture,SoftwareVendor,SoftwareName,SoftwareVersion,EndOfSupportStatus,EndOfSupportDate,ProductCodeCpe",
    "abc123,ws-0042.corp.example,Windows11,10.0.22631,x64,kaspersky,endpoint_security_for_windows,12.1.0.506,,,",
    "def456,ws-0043.corp.example,Windows11,10.0.22631,x64,google,chrome,130.0,,,",
  ].join("\r\n");
  const mecm = [
    "ResourceID,Name0,Netbios_Name0,DisplayName0,Version0,Publisher0,InstallDate0,ProdID0,TimeStamp,View",
    "16777301,WS-0042,WS-0042,Kaspersky Endpoint Security for Windows,12.1.0.506,AO Kaspersky Lab,20230517,{X},1/1/2026 1:00:00 AM,32",
    "16777301,WS-0042,WS-0042,Kaspersky Endpoint Security for Windows,12.1.0.506,AO Kaspersky Lab,20230517,{X},1/1/2026 1:00:00 AM,64",
    "16777302,WS-0044,WS-0044,Kaspersky Security Center Network Agent,14.0.0.10902,AO Kaspersky Lab,,{Y},1/1/2026 1:00:00 AM,32",
  ].join("\r\n");

  it("one machine seen by Defender (FQDN) and MECM (NetBIOS, both ARP views) is one device with one install and three pieces of evidence", () => {
    const inventory = readAll([readInput(defender, { file: "defender.csv" }), readInput(mecm, { file: "mecm.csv" })]);
    expect(inventory.devices.map((d) => d.hostname).sort()).toEqual(["ws-0042", "ws-0043", "ws-0044"]);
    const kes = inventory.installs.filter((i) => i.catalogId === "kes-windows");
    expect(kes).toHaveLength(1);
    expect(kes[0]!.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["defender.csv:2", "mecm.csv:2", "mecm.csv:3"]);
    expect(kes[0]!.installDate).toBe("2023-05-17");
    expect(inventory.kaspersky).toEqual({ notCovered: {}, unclear: {}, estate: [], devices: 2, installs: 2, byProduct: { "Kaspersky Endpoint Security for Windows": 1, "Kaspersky Security Center Network Agent": 1 } });
  });

  it("keeps devices that share no name or id apart", () => {
    const inventory = readAll([readInput(defender, { file: "defender.csv" })]);
    expect(new Set(inventory.devices.map((d) => d.id)).size).toBe(2);
  });
});
