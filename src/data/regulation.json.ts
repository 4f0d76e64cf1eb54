// Framework data loader: the programme's timeline and the shipped profiles, validated. An invalid
// event fails the build with the file, the event and the field named.
import { loadPresets, loadTimeline } from "../../loaders/data/regulation.js";

try {
  process.stdout.write(JSON.stringify({ timeline: await loadTimeline(process.env.OFFRAMP_PROGRAMME ?? "kaspersky"), presets: await loadPresets() }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
