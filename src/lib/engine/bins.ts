/**
 * Equal-count bins of a sample: edges at its quantiles (a native numeric sort), each value placed
 * by binary search. Bin b holds the values from edge b − 1 (included) to edge b (excluded).
 */
export function equalCountBins(x: Float64Array, bins: number): Int32Array {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const edges = Array.from({ length: bins - 1 }, (_, b) => sorted[Math.floor(((b + 1) * n) / bins)]!);
  const bin = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x[i]! < edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    bin[i] = lo;
  }
  return bin;
}
