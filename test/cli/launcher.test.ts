import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, run before anything is compiled
import { freshBuild } from "../../cli/fresh.js";

describe("the offramp launcher", () => {
  const root = mkdtempSync(join(tmpdir(), "offramp-launcher-"));
  mkdirSync(join(root, "cli/dist"), { recursive: true });
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/a.ts"), "export {};");
  writeFileSync(join(root, "cli/dist/main.js"), "export {};");
  writeFileSync(join(root, "cli/dist/inputs.json"), JSON.stringify(["src/a.ts"]));
  const cli = pathToFileURL(join(root, "cli/"));
  const base = pathToFileURL(`${root}/`);
  const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);

  it("runs the build when it is newer than every source it was made from", () => {
    at("src/a.ts", 1_000);
    at("cli/dist/main.js", 2_000);
    expect(String(freshBuild(cli, base))).toBe(String(pathToFileURL(join(root, "cli/dist/main.js"))));
  });

  it("compiles the TypeScript instead when a source was edited after the build, or a source or the build is gone", () => {
    at("src/a.ts", 3_000);
    expect(freshBuild(cli, base)).toBeNull();
    writeFileSync(join(root, "cli/dist/inputs.json"), JSON.stringify(["src/gone.ts"]));
    expect(freshBuild(cli, base)).toBeNull();
    expect(freshBuild(pathToFileURL(join(root, "nowhere/")), base)).toBeNull();
  });
});
