import { parseDate } from "../dates.js";
import { Columns, field, normaliseHeader } from "../headers.js";
import { accepted, rejected, type SoftwareObservation } from "../types.js";
import type { TableFormat } from "./format.js";

/**
 * Kaspersky Security Center report, exported as .xls and saved as .xlsx: the rows are on the
 * "Details" sheet, under one title row. A public consumer of these reports reads the columns
 * `Device`, `Component status` and `Component name`; the other names are not known for sure,
 * so headers are matched by exact names first and by the words they contain after that.
 */
export const KSC_REPORT_HEADERS = {
  device: ["Device", "Device name", "Computer", "Computer name", "Host name", "Устройство", "Имя устройства", "Gerät", "Gerätename", "Dispositivo", "Nombre del dispositivo"],
  componentName: ["Component name", "Component", "Имя компонента", "Название компонента", "Компонент", "Komponentenname", "Komponente", "Nombre del componente", "Componente"],
  componentStatus: ["Component status", "Status", "Статус компонента", "Состояние компонента", "Komponentenstatus", "Status der Komponente", "Estado del componente"],
  version: ["Component version", "Version", "Application version", "Версия компонента", "Версия", "Komponentenversion", "Versión del componente"],
  basesDate: ["Anti-virus databases release date", "Anti-virus databases last updated", "Databases release date", "Database date", "Дата выпуска баз", "Последнее обновление баз", "Datum der Datenbanken", "Fecha de lanzamiento de la base de datos"],
} as const;

/** Words (on normalised headers) a column's name holds when its exact name is unknown. */
const WORDS = {
  device: /device|computer|host|устройств|компьютер|gerät|rechner|dispositivo|equipo/,
  component: /component|компонент|komponent/,
  status: /status|state|состояни|статус|zustand|estado/,
  name: /name|имя|назван|nombre/,
  version: /version|версия|versión/,
  bases: /database|bases|signature|definition|баз|datenbank|signatur|basededatos/,
  date: /date|updated|released|дата|обновл|выпуск|datum|aktualis|fecha/,
};

/** 0-based index of the first header that holds every word in `all` and none in `none`, or -1. */
export function headerWithWords(headers: readonly string[], all: readonly RegExp[], none: readonly RegExp[] = []): number {
  return headers.findIndex((h) => {
    const key = normaliseHeader(h);
    return key !== "" && all.every((w) => w.test(key)) && !none.some((w) => w.test(key));
  });
}

/** Where each column of a Security Center report is; -1 when absent. */
export interface KscReportColumns {
  device: number;
  componentName: number;
  componentStatus: number;
  version: number;
  basesDate: number;
}

/** Finds the report's columns: exact names first, then headers holding the right words. */
export function kscReportColumns(headers: readonly string[]): KscReportColumns {
  const c = new Columns(headers);
  const either = (exact: readonly string[], all: readonly RegExp[], none: readonly RegExp[] = []) => {
    const i = c.find(...exact);
    return i >= 0 ? i : headerWithWords(headers, all, none);
  };
  return {
    device: either(KSC_REPORT_HEADERS.device, [WORDS.device], [WORDS.status, WORDS.component, /group|группа|gruppe|grupo|type|тип|typ|tipo|ip|domain|домен|owner|владел/]),
    componentName: either(KSC_REPORT_HEADERS.componentName, [WORDS.component], [WORDS.status, WORDS.version, WORDS.device]),
    componentStatus: either(KSC_REPORT_HEADERS.componentStatus.slice(0, 1), [WORDS.component, WORDS.status]),
    version: either(KSC_REPORT_HEADERS.version.slice(0, 1), [WORDS.component, WORDS.version], []),
    basesDate: either(KSC_REPORT_HEADERS.basesDate, [WORDS.bases, WORDS.date]),
  };
}

/** The version column: the component's, else the application's, else a bare "Version". */
function versionColumn(headers: readonly string[], found: number): number {
  if (found >= 0) return found;
  const c = new Columns(headers);
  const named = c.find(...KSC_REPORT_HEADERS.version);
  return named >= 0 ? named : headerWithWords(headers, [WORDS.version], [WORDS.device, WORDS.bases, /agent|агент/]);
}

/** The status column: the component's, else a bare "Status" (never the device's status). */
function statusColumn(headers: readonly string[], found: number): number {
  if (found >= 0) return found;
  const c = new Columns(headers);
  return c.find(...KSC_REPORT_HEADERS.componentStatus);
}

/** Statuses that say the component is not on the device, so it is no evidence of an install. */
const NOT_INSTALLED = /not installed|uninstalled|не установлен|отсутствует|nicht installiert|no instalado|no está instalado/i;

/** Whether a component status says the component is absent. */
export function isNotInstalled(status: string | undefined): boolean {
  return status !== undefined && NOT_INSTALLED.test(status);
}

/**
 * Kaspersky Security Center report (the "Details" sheet of an .xlsx). Each row is one
 * component of a Kaspersky application on one device: the device is observed, and the
 * component becomes software on it (its name, version and anti-virus database date), unless
 * its status says it is not installed.
 */
export const kscReport: TableFormat = {
  id: "ksc-report",
  label: "Kaspersky Security Center report (Details sheet)",
  input: "table",
  detect: (headers) => {
    const cols = kscReportColumns(headers);
    if (cols.device < 0 || cols.componentName < 0) return 0;
    return statusColumn(headers, cols.componentStatus) >= 0 ? 0.95 : 0.8;
  },
  open(headers, context) {
    const c = new Columns(headers);
    const cols = kscReportColumns(headers);
    const device = cols.device >= 0 ? cols.device : c.require(KSC_REPORT_HEADERS.device[0], ...KSC_REPORT_HEADERS.device.slice(1));
    const name = cols.componentName >= 0 ? cols.componentName : c.require(KSC_REPORT_HEADERS.componentName[0], ...KSC_REPORT_HEADERS.componentName.slice(1));
    const status = statusColumn(headers, cols.componentStatus);
    const version = versionColumn(headers, cols.version);
    const bases = cols.basesDate;
    const order = headers.some((h) => !/^[\x20-\x7e]*$/.test(h)) ? "eu" : "us";
    return (fields, line) => {
      const host = field(fields, device);
      if (!host) return rejected(line, c.name(device), "no device name");
      const rawBases = field(fields, bases);
      const basesDate = parseDate(rawBases, { now: context.now, order });
      if (rawBases && !basesDate) return rejected(line, c.name(bases), `unreadable date "${rawBases}"`);
      const origin = { file: context.file, line };
      const ids = { names: [host], ids: [] };
      const component = field(fields, name);
      const software: SoftwareObservation[] = [];
      if (component && !isNotInstalled(field(fields, status))) {
        software.push({ device: ids, name: component, publisher: "AO Kaspersky Lab", version: field(fields, version), signatureDate: basesDate?.date ?? null, origin });
      }
      return accepted(line, [{ ...ids, origin }], software);
    };
  },
};
