#!/usr/bin/env node
// The `offramp` command. It runs the build in cli/dist (made by `npm ci`, or `npm run build:cli`)
// when that build is newer than every source it was made from; otherwise tsx compiles the
// TypeScript as it loads, so an edited checkout never runs old code.
import { freshBuild } from "./fresh.js";

const built = freshBuild(new URL(".", import.meta.url), new URL("..", import.meta.url));
let main;
if (built) ({ main } = await import(built.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
