import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import type { Scenario } from "../schema/index.js";
import { parseScenario } from "./parse.js";

/** A scenario without client data: no organisation name, inventory references or client deadlines. */
export function asTemplate(scenario: Scenario): Scenario {
  return {
    ...structuredClone(scenario),
    id: `${scenario.id}-template`,
    name: `${scenario.name} (template)`,
    profile: { ...scenario.profile, name: "Client" },
    inventory: [],
    deadlines: scenario.deadlines.filter((d) => d.kind === "regulatory"),
    narrative: [],
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("the link's scenario is not valid base64url");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * A scenario as a compact URL fragment value: JSON, deflated, base64url. Inventory references
 * are left out (a link must not reveal a client's file names); everything else round-trips.
 */
export function encodeScenario(scenario: Scenario): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify({ ...scenario, inventory: [] })), { level: 9 }));
}

/** Reads a scenario back from `encodeScenario`'s text, validating it like a file. */
export function decodeScenario(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64Url(text))));
  } catch (error) {
    throw new Error(`the link does not hold a scenario (${(error as Error).message})`);
  }
  return parseScenario(json, "the shared link");
}
