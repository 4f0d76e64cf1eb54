/** `offramp sample`: regenerates the fictional sample organisation. */
import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "../loaders/sample/build.js";
import { writeSample } from "../loaders/sample/generate.js";
import { UsageError, type Command } from "./command.js";

export const sample: Command = {
  async run(args, io) {
    const { values } = parseArgs({ args, options: { out: { type: "string", default: "data/sample" }, seed: { type: "string" } }, strict: true });
    const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed: expected an integer from 0 to 4294967295, got "${values.seed}"`);
    const { manifest } = await writeSample(values.out, seed);
    io.out(`wrote ${values.out}: ${manifest.devices} devices, ${manifest.kasperskyDevices} running Kaspersky, ${manifest.installs} security installs in ${manifest.exports.length} exports`);
    return 0;
  },
};
