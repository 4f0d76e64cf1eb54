import { defenderDeviceInfo } from "./defender-deviceinfo.js";
import { defenderTvmExport } from "./defender-tvm-export.js";
import { defenderTvm } from "./defender-tvm.js";
import { intuneAggregate, intuneRaw } from "./intune-apps.js";
import { mecmInstalledSoftware } from "./mecm-installed-software.js";
import type { Format } from "./format.js";
import { genericTable } from "./generic-table.js";
import { kscDevices } from "./ksc-devices.js";
import { kscReport } from "./ksc-report.js";
import { mecmArp } from "./mecm-arp.js";
import { osquery } from "./osquery.js";
import { cyclonedx } from "./cyclonedx.js";
import { spdx } from "./spdx.js";

/** Every format a file can be read as. Specific formats first; the generic table last. */
export const FORMATS: readonly Format[] = [
  defenderTvm,
  defenderDeviceInfo,
  defenderTvmExport,
  intuneRaw,
  intuneAggregate,
  mecmInstalledSoftware,
  mecmArp,
  kscReport,
  kscDevices,
  osquery,
  cyclonedx,
  spdx,
  genericTable,
];


/** The best-scoring format, if any scores at least 0.25. */
export function bestFormat<F extends Format>(formats: readonly F[], score: (format: F) => number): F | null {
  let best: F | null = null;
  let bestScore = 0.25;
  for (const format of formats) {
    const s = score(format);
    if (s > bestScore) {
      best = format;
      bestScore = s;
    }
  }
  return best;
}
