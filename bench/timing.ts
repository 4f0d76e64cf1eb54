/** Median wall time of repeated runs, after warm-up. */
export function time<T>(fn: () => T, runs = 15, warmup = 3): { ms: number; result: T } {
  let result = fn();
  for (let i = 1; i < warmup; i++) result = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, result };
}

export interface BenchResult {
  name: string;
  ours: number;
  peerName: string;
  peer: number;
}

/** "met", or by how much the figure misses its target (lower is better). */
export const verdict = (value: number, target: number) => (value <= target ? "met" : `missed by ${((value / target - 1) * 100).toFixed(0)}%`);
