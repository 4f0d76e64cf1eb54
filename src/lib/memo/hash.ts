/** SHA-256 of a text, as hex, with the platform's Web Crypto (Node 20 and browsers alike). */
export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Plot names its classes and clip paths from a counter that differs between runs of a page;
 * renumbering them in order of appearance makes the same chart give the same markup.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/plot-[0-9a-f]{6}(?:-[0-9]+)?|plot-clip-[0-9]+/g, (id) => {
    let stable = ids.get(id);
    if (!stable) ids.set(id, (stable = `chart-${ids.size + 1}`));
    return stable;
  });
}
