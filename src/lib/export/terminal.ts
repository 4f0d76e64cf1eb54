/**
 * Text for a terminal: control characters (escape sequences that could recolour, move the cursor
 * or retitle the window, and bidi overrides that reorder what is shown) become visible `\uXXXX`
 * escapes, which JSON reads back as the same character, so `--json` output stays valid; tabs and
 * newlines stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
