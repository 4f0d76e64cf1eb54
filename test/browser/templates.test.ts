import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Framework interpolates ${…} in Markdown text but not inside <style>: such text reaches the user as is. */
describe("built pages", () => {
  it("carry no template text outside their scripts", () => {
    const pages = readdirSync("dist").filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = readFileSync(join("dist", page), "utf8").replace(/<script\b[\s\S]*?<\/script>/g, "");
      expect(html.match(/\$\{[^}]*\}/g), page).toBeNull();
    }
  });
});
