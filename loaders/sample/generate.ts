/** Writes the sample organisation into a folder (default data/sample). */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { buildSample, DEFAULT_SEED } from "./build.js";

export async function writeSample(outDir: string, seed = DEFAULT_SEED): Promise<ReturnType<typeof buildSample>> {
  const sample = buildSample(seed);
  for (const [path, content] of sample.files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, "utf8");
  }
  return sample;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? "data/sample";
  const seed = process.argv[3] ? Number(process.argv[3]) : DEFAULT_SEED;
  const { manifest } = await writeSample(out, seed);
  console.error(`wrote ${out}: ${manifest.devices} devices, ${manifest.kasperskyDevices} with Kaspersky, ${manifest.installs} security installs`);
}
