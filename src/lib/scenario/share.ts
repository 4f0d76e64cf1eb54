import { AsyncInflate, deflateSync, strFromU8, strToU8 } from "fflate";
import type { Scenario } from "../schema/index.js";
import { fromBase64Url, toBase64Url } from "../util/base64.js";
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

/**
 * A scenario as a compact URL fragment value: JSON, deflated, base64url. Inventory references
 * are left out (a link must not reveal a client's file names); everything else round-trips.
 */
export function encodeScenario(scenario: Scenario): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify({ ...scenario, inventory: [] })), { level: 9 }));
}

/** The most a link's scenario may unpack to: a scenario is a few kilobytes; 1 MB is plenty. */
export const LINK_MAX_BYTES = 1_000_000;
/** A link refused for its size, whose message already says why. */
class TooLarge extends Error {}

/** The most link text read: deflate cannot pack a real scenario below a thousandth of its size. */
const LINK_MAX_CHARS = 2_000_000;

/**
 * Inflates at most `cap` bytes in a worker (fflate's, a Web Worker in a browser and a worker
 * thread in Node), so a deflate bomb neither blocks the page nor fills its memory: input goes in
 * a kilobyte at a time, and the worker is stopped as soon as the output would pass the cap.
 */
function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const out = new Uint8Array(cap);
    let length = 0;
    let done = false;
    const inflater = new AsyncInflate();
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      inflater.terminate();
      if (error) reject(error);
      else resolve(out.subarray(0, length));
    };
    inflater.ondata = (error, chunk, final) => {
      if (done) return;
      if (error) return finish(error);
      if (length + chunk.length > cap) return finish(new TooLarge(`the link's scenario unpacks to more than ${(cap / 1e6).toLocaleString("en-US")} MB, which no scenario needs; it was not opened`));
      out.set(chunk, length);
      length += chunk.length;
      if (final) finish(null);
    };
    if (bytes.length === 0) return finish(new Error("the link is empty"));
    for (let i = 0; i < bytes.length; i += 1024) inflater.push(bytes.slice(i, i + 1024), i + 1024 >= bytes.length);
  });
}

/**
 * Reads a scenario back from `encodeScenario`'s text, validating it like a file. The unpacking
 * runs off the main thread; a link that unpacks too large is refused with a message that says so.
 */
export async function decodeScenario(text: string): Promise<Scenario> {
  if (text.length > LINK_MAX_CHARS) throw new TooLarge(`the link is ${text.length.toLocaleString("en-US")} characters long, more than any scenario needs; it was not opened`);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(await inflateCapped(fromBase64Url(text), LINK_MAX_BYTES)));
  } catch (error) {
    if (error instanceof TooLarge) throw error;
    throw new Error(`the link does not hold a scenario (${(error as Error).message})`);
  }
  return parseScenario(json, "the shared link");
}
