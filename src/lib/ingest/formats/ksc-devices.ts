import { parseDate } from "../dates.js";
import { Columns, field } from "../headers.js";
import { isServerOs, osFamilyFromPlatform } from "../os.js";
import { accepted, rejected, type SoftwareObservation } from "../types.js";
import type { TableFormat } from "./format.js";

/**
 * Header names of Kaspersky Security Center's device list, in the console languages we have
 * seen. English is verified (public consumers of the export); other languages are listed as
 * consoles print them where known.
 */
export const KSC_HEADERS = {
  name: ["Name", "Device", "Gerät", "Имя", "Nombre", "Dispositivo"],
  os: ["Operating system type", "Betriebssystemtyp", "Тип операционной системы", "Tipo de sistema operativo"],
  domain: ["DNS domain", "DNS-Domäne", "DNS-домен", "Dominio DNS"],
  lastConnected: ["Last connected to Administration Server", "Letzte Verbindung mit dem Administrationsserver", "Последнее соединение с Сервером администрирования", "Última conexión al Servidor de administración"],
  agentVersion: ["Network Agent version", "Version des Network Agents", "Версия Агента администрирования", "Versión del Agente de red"],
  appVersion: ["Application version", "Programmversion", "Версия программы", "Versión de la aplicación"],
  basesDate: ["Anti-virus databases last updated", "Letzte Aktualisierung der Datenbanken", "Последнее обновление баз", "Fecha de lanzamiento de la base de datos", "Antivirus bases date"],
  agentInstalled: ["Network Agent is installed", "Network Agent ist installiert", "Агент администрирования установлен", "Agente de red instalado"],
  ip: ["Connection IP address", "IP-Adresse der Verbindung", "IP-адрес соединения", "Dirección IP de conexión"],
} as const;

/** The product a Security Center row's "Application version" belongs to, from the operating system. */
function applicationName(os: string): { name?: string; package?: string } {
  const family = osFamilyFromPlatform(os);
  if (family === "linux") return { package: "kesl", name: "Kaspersky Endpoint Security for Linux" };
  if (family === "macos") return { name: "Kaspersky Endpoint Security for Mac" };
  return { name: isServerOs(os) ? "Kaspersky Security for Windows Server" : "Kaspersky Endpoint Security for Windows" };
}

/**
 * Kaspersky Security Center device list export. Often a ".csv" that is tab-delimited, with
 * relative "Last connected" times and console-locale dates. Each row yields the device, its
 * Network Agent and, when "Application version" is set, its protection application with the
 * anti-virus database date: the evidence of how stale protection is.
 */
export const kscDevices: TableFormat = {
  id: "ksc-devices",
  label: "Kaspersky Security Center device list",
  input: "table",
  detect: (headers) => {
    const c = new Columns(headers);
    const hits = [KSC_HEADERS.lastConnected, KSC_HEADERS.agentVersion, KSC_HEADERS.basesDate, KSC_HEADERS.appVersion].filter((names) => c.find(...names) >= 0).length;
    return hits >= 2 ? 0.9 : 0;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const name = c.require(KSC_HEADERS.name[0], ...KSC_HEADERS.name.slice(1));
    const os = c.find(...KSC_HEADERS.os);
    const domain = c.find(...KSC_HEADERS.domain);
    const lastConnected = c.find(...KSC_HEADERS.lastConnected);
    const agentVersion = c.find(...KSC_HEADERS.agentVersion);
    const appVersion = c.find(...KSC_HEADERS.appVersion);
    const basesDate = c.find(...KSC_HEADERS.basesDate);
    const dayFirst = headers.some((h) => !/^[\x20-\x7e]*$/.test(h)) && !headers.includes("Name");
    return (fields, line) => {
      const host = field(fields, name);
      if (!host) return rejected(line, c.name(name), "no device name");
      const order = dayFirst ? "eu" : "us";
      const rawSeen = field(fields, lastConnected);
      const seen = parseDate(rawSeen, { now: context.now, order });
      if (rawSeen && !seen) return rejected(line, c.name(lastConnected), `unreadable date "${rawSeen}"`);
      const rawBases = field(fields, basesDate);
      const bases = parseDate(rawBases, { now: context.now, order });
      if (rawBases && !bases) return rejected(line, c.name(basesDate), `unreadable date "${rawBases}"`);
      const dns = field(fields, domain);
      const names = dns && !host.includes(".") ? [host, `${host}.${dns}`] : [host];
      const device = { names, ids: [] };
      const osName = field(fields, os) ?? "";
      const origin = { file: context.file, line };
      const software: SoftwareObservation[] = [];
      const agent = field(fields, agentVersion);
      if (agent) software.push({ device, name: osFamilyFromPlatform(osName) === "linux" ? "klnagent64" : "Kaspersky Security Center Network Agent", package: osFamilyFromPlatform(osName) === "linux" ? "klnagent64" : undefined, version: agent, origin });
      const app = field(fields, appVersion);
      if (app) software.push({ device, ...applicationName(osName), name: applicationName(osName).name!, version: app, signatureDate: bases?.date ?? null, origin });
      return accepted(line, [{ ...device, osFamily: osName ? osFamilyFromPlatform(osName) : undefined, lastSeen: seen?.instant, origin }], software);
    };
  },
};
