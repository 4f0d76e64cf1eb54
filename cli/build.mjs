#!/usr/bin/env node
// Builds the command line to JavaScript ahead of time (esbuild): cli/dist/main.js and one chunk
// per subcommand, loaded only when that command runs. `npm ci` runs it (the `prepare` script).
// cli/dist/inputs.json lists the sources it was built from, so offramp.js can tell a stale build.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";

// Chunks are named by content hash: clear the folder so old ones do not pile up.
rmSync("cli/dist", { recursive: true, force: true });
const result = await build({
  entryPoints: ["cli/main.ts"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "cli/dist",
  // Libraries stay in node_modules; only the project's own TypeScript is compiled.
  packages: "external",
  metafile: true,
  logLevel: "warning",
});
writeFileSync("cli/dist/inputs.json", `${JSON.stringify(Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/")))}\n`);
