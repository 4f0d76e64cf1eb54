/** Short money for chart axes and labels: $1.25M, $340k, $900. */
export const usdShort = (x: number) => (Math.abs(x) >= 1e6 ? `$${(x / 1e6).toFixed(2)}M` : Math.abs(x) >= 1e3 ? `$${(x / 1e3).toFixed(0)}k` : `$${x.toFixed(0)}`);

/**
 * A left margin for category labels that leaves the chart at least half of `width`, and a tick
 * format that shortens labels to fit it (the full label stays in the tip and the ARIA text).
 */
export function labelAxis(width: number, preferred: number): { marginLeft: number; tickFormat: (label: string) => string } {
  const marginLeft = Math.max(60, Math.min(preferred, Math.floor(width * 0.45)));
  const chars = Math.floor((marginLeft - 12) / 6);
  return { marginLeft, tickFormat: (label) => (label.length > chars ? `${label.slice(0, Math.max(1, chars - 1))}…` : label) };
}
