/** The delimiters a table may use, in order of preference when counts tie. */
export const DELIMITERS = [",", "\t", ";", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter that splits the first lines into the same number of fields (more than
 * one), ignoring delimiters inside quotes. Falls back to a comma.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r?\n/).slice(0, 20).filter((l) => l.trim() !== "");
  if (lines.length > 1 && !sample.endsWith("\n")) lines.pop(); // the last line may be cut short
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}
