/** Reads a programme's timeline and the shipped organisation profiles, validated. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { OrgProfile, ProfilePreset, Timeline, validate } from "../../src/lib/schema/index.js";
import { dataDir } from "./paths.js";
import { readJson, readValidated } from "./read.js";

export async function loadTimeline(programme = "kaspersky", root = dataDir()): Promise<Timeline> {
  return readValidated(join(root, "timelines", `${programme}.json`), Timeline);
}

export async function loadPresets(root = dataDir()): Promise<ProfilePreset[]> {
  const dir = join(root, "profiles");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const presets = await Promise.all(files.map((f) => readValidated(join(dir, f), ProfilePreset)));
  return presets.sort((a, b) => (a.id === "sample-organisation" ? -1 : b.id === "sample-organisation" ? 1 : a.label.localeCompare(b.label)));
}

/** A profile named by preset id, or read from a JSON file (a bare profile or a preset). */
export async function resolveProfile(nameOrFile: string, root = dataDir()): Promise<OrgProfile> {
  const presets = await loadPresets(root);
  const preset = presets.find((p) => p.id === nameOrFile);
  if (preset) return preset.profile;
  const value = await readJson(nameOrFile);
  const inner = value !== null && typeof value === "object" && "profile" in value ? (value as { profile: unknown }).profile : value;
  return validate(OrgProfile, inner, nameOrFile);
}
