// Whether cli/dist holds a build newer than every source it was made from (see offramp.js).
import { readFileSync, statSync } from "node:fs";

/** The built entry point under `cliDir` (a URL ending in "/"), or null when missing or older than a source under `root`. */
export function freshBuild(cliDir, root) {
  try {
    const main = new URL("dist/main.js", cliDir);
    const built = statSync(main).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL("dist/inputs.json", cliDir), "utf8"));
    for (const file of inputs) if (statSync(new URL(file, root)).mtimeMs > built) return null;
    return main;
  } catch {
    return null;
  }
}
