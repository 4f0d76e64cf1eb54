// Framework data loader: the programme's timeline and the shipped profiles, validated. An invalid
// event fails the build with the file, the event and the field named.
import { loadFacts } from "../../loaders/data/facts.js";
import { loadPresets } from "../../loaders/data/regulation.js";

try {
  const { timeline } = await loadFacts(process.env.OFFRAMP_PROGRAMME ?? "kaspersky");
  process.stdout.write(JSON.stringify({ timeline, presets: await loadPresets() }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
